/// What Banneret knows about a rendered banner before it may ship: its
/// measured and scoring features, its predicted click-through rate per
/// segment, and the warnings a reader of the manifest should see. The
/// generator and the library both judge banners through this one path, so a
/// banner the CLI rejects is one the library rejects too.
struct BannerAssessment {
    /// Measurements and scoring features, the vector the manifest reports.
    var metrics: [String: Double]
    var scores: [String: Double]
    var warnings: [String]

    /// - Throws: `brand.violation` at `location` when a brand rule is broken:
    ///   measured before anything is written, so such a banner never ships.
    static func assess(_ rendered: RenderedBanner, spec: BannerSpec, product: Product, variant: Variant,
                       imagePath: String?, engine: Engine, scorer: BannerScorer?, location: Location) throws -> BannerAssessment {
        let features = BannerFeatures.measure(spec: spec, rendered: rendered, brand: engine.brand,
                                              productImage: imagePath.flatMap { try? engine.images.image(at: $0) })
        if !features.violations.isEmpty {
            throw BanneretError(.brandViolation, features.violations.joined(separator: "; "), at: location)
        }
        let scoring = ScoringFeatures.values(measured: features.values, spec: spec, product: product, brand: engine.brand,
                                             variant: variant)
        let metrics = features.values.merging(scoring) { measured, _ in measured }
        // The same vector the manifest reports, so a model trained on manifests scores what it learned from.
        return BannerAssessment(metrics: metrics, scores: scorer?.scores(FeatureVector(metrics)) ?? [:],
                                warnings: rendered.texts.filter { $0.fitted.truncated }.map { "text '\($0.id)' was shortened with an ellipsis" })
    }
}
