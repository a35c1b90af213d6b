/// Everything measurable about one rendered banner, for scoring, manifests
/// and review: layout quality by the published PosterLayout and RALF metrics,
/// text legibility on the actual pixels, colour and composition statistics,
/// and the brand guide's hard rules.
///
/// A pure function of the spec, its pixels and the brand (plus, optionally,
/// the decoded product picture for its alpha): nothing is drawn, read or
/// written, so it runs on any thread beside the renderer. FEATURES.md
/// documents every value: formula, range, source and adaptations.
public struct BannerFeatures: Sendable, Hashable {
    /// Feature values under the stable names of ``FeatureKey``, rounded to
    /// four decimals. A few are absent where their definition has no value
    /// (see ``FeatureKey``).
    public var values: [String: Double]
    /// One sentence per broken brand rule; empty when the banner complies.
    public var violations: [String]
    /// Legibility of each text element on the canvas, in paint order.
    public var texts: [TextLegibility]

    /// Measures a banner as the renderer returned it, with the font sizes the
    /// text fitter chose.
    ///
    /// - Parameter productImage: the decoded product picture, to take the
    ///   salient area from its alpha; nil uses the product frame instead.
    public static func measure(spec: BannerSpec, rendered: RenderedBanner, brand: BrandGuide,
                               productImage: DecodedImage? = nil) -> BannerFeatures {
        let sizes = Dictionary(rendered.texts.map { ($0.id, $0.fitted.fontSize) }, uniquingKeysWith: { first, _ in first })
        return measure(spec: spec, pixels: rendered.pixels, brand: brand, fontSizes: sizes, productImage: productImage)
    }

    /// Measures a banner from its spec and pixels.
    ///
    /// - Parameters:
    ///   - pixels: the banner rendered from `spec`, at its size.
    ///   - fontSizes: drawn font size per text id; a text without one is taken
    ///     at its style's minimum size, the strictest reading of the large-text rule.
    ///   - productImage: the decoded product picture, to take the salient area
    ///     from its alpha; nil uses the product frame instead.
    public static func measure(spec: BannerSpec, pixels: PixelBuffer, brand: BrandGuide,
                               fontSizes: [String: Double] = [:], productImage: DecodedImage? = nil) -> BannerFeatures {
        precondition(pixels.width == spec.size.width && pixels.height == spec.size.height,
                     "pixels are \(pixels.width)x\(pixels.height), the spec is \(spec.size)")
        let canvas = Rect(x: 0, y: 0, width: Double(pixels.width), height: Double(pixels.height))
        let straight = StraightPixels(pixels)
        let grid = SamplingGrid(width: pixels.width, height: pixels.height)
        var values: [String: Double] = [:]

        // Layout (PosterLayout, RALF): invalid elements are dropped before every metric but validity.
        // The product picture is the papers' canvas image: only an underlay's cargo, never a layout element.
        let everything = LayoutElement.elements(of: spec)
        let elements = everything.filter { $0.role != .product }
        let valid = elements.filter { $0.isValid(on: canvas) }
        values[FeatureKey.validity] = PosterLayoutMetrics.validity(elements, canvas: canvas)
        values[FeatureKey.overlap] = PosterLayoutMetrics.overlap(valid)
        values[FeatureKey.alignment] = PosterLayoutMetrics.alignment(valid, canvas: canvas)
        if let underlays = UnderlayEffectiveness.measure(everything.filter { $0.isValid(on: canvas) }) {
            values[FeatureKey.underlayEffectivenessLoose] = underlays.loose
            values[FeatureKey.underlayEffectivenessStrict] = underlays.strict
        }
        let saliency = SaliencyMap(spec: spec, grid: grid, productImage: productImage)
        let productPaintOrder = spec.elements.firstIndex {
            if case .image(let image) = $0 { return image.showsProduct }
            return false
        }
        values[FeatureKey.utility] = ContentAwareMetrics.utility(saliency: saliency, elements: valid)
        values[FeatureKey.occlusion] = ContentAwareMetrics.occlusion(saliency: saliency, elements: valid,
                                                                     productPaintOrder: productPaintOrder)
        values[FeatureKey.salientArea] = saliency.meanValue

        // Legibility.
        let texts = spec.elements.indices.compactMap { index -> TextLegibility? in
            guard case .text(let text) = spec.elements[index] else { return nil }
            return TextLegibility.measure(elementAt: index, of: spec, fontSize: fontSizes[text.id] ?? text.style.minimumSize,
                                          pixels: straight, brand: brand)
        }
        for text in texts { values[FeatureKey.contrast(ofText: text.id)] = text.contrast }
        if let lowest = texts.map(\.contrast).min() { values[FeatureKey.contrastMin] = lowest }
        if let margin = texts.map({ $0.contrast / $0.requiredContrast }).min() { values[FeatureKey.contrastMarginMin] = margin }
        values[FeatureKey.contrastPass] = texts.allSatisfy(\.passes) ? 1 : 0

        // Visual.
        let colors = ColorStatistics(pixels: straight, grid: grid)
        values[FeatureKey.colorfulness] = colors.colorfulness
        values[FeatureKey.brightness] = colors.brightness
        values[FeatureKey.warmth] = colors.warmth
        values[FeatureKey.saturation] = colors.saturation
        values[FeatureKey.colorCount] = Double(colors.colorCount)
        values[FeatureKey.whitespace] = 1 - RectangleUnion.area(of: spec.elements.map(\.frame), within: canvas) / canvas.area
        values[FeatureKey.balanceOffset] = VisualBalance.offset(pixels: straight, grid: grid, background: spec.background)
        // The manifest's first two metrics, by their own definition.
        values.merge(SpecMetrics.measure(spec)) { _, specMetric in specMetric }

        // Brand rules.
        let compliance = BrandCompliance.check(spec: spec, brand: brand, legibility: texts)
        values[FeatureKey.textContrastViolation] = compliance.textContrastViolated ? 1 : 0
        values[FeatureKey.logoMinimumHeightViolation] = compliance.logoTooSmall ? 1 : 0
        values[FeatureKey.logoClearSpaceViolation] = compliance.logoClearSpaceViolated ? 1 : 0
        values[FeatureKey.forbiddenPairViolation] = compliance.forbiddenPairUsed ? 1 : 0

        return BannerFeatures(values: values.mapValues { ($0 * 10_000).rounded() / 10_000 },
                              violations: compliance.reasons, texts: texts)
    }
}
