/// The features preference models and segment priors weigh: a small set on
/// comparable 0…1 scales (contrast stays a WCAG ratio, 1…21), derived from
/// the raw measurements of ``BannerFeatures`` and from the variant's own
/// choices. `manifest.jsonl` reports them under `metrics` beside the raw
/// measurements, so a click log joined to a manifest trains on them.
///
/// Segment priors are checked against these names (plus any the training
/// data carries) so that a misspelt prior, `colourfulness` for
/// `colorfulness_norm`, is refused instead of silently weighing nothing.
public enum ScoringFeatures {
    public static let names = [
        "contrast_min", "colorfulness_norm", "brightness", "warmth", "saturation", "whitespace",
        "text_area", "product_area", "balance", "discount_shown", "price_led", "cta_uppercase",
    ]

    /// Hasler and Süsstrunk call 109 "extremely colourful"; 100 maps to 1.
    static let colorfulnessScale = 100.0

    /// The scoring features of one banner.
    static func values(measured: [String: Double], spec: BannerSpec, product: Product, brand: BrandGuide,
                       variant: Variant) -> [String: Double] {
        var values: [String: Double] = [:]
        for shared in ["contrast_min", "brightness", "warmth", "saturation", "whitespace", "text_area", "product_area"] {
            if let value = measured[shared] { values[shared] = value }
        }
        values["colorfulness_norm"] = min(1, (measured[FeatureKey.colorfulness] ?? 0) / colorfulnessScale)
        values["balance"] = 1 - (measured[FeatureKey.balanceOffset] ?? 0)
        let texts = spec.elements.compactMap { element -> TextElement? in
            if case .text(let text) = element { return text }
            return nil
        }
        let badge = product.discountPercent.map { "-\($0)%" }
        values["discount_shown"] = texts.contains { $0.text == badge } ? 1 : 0
        values["price_led"] = variant.copy == .priceLed ? 1 : 0
        let ctas = Set(brand.allowedCTAs(language: product.language))
        values["cta_uppercase"] = texts.contains { ctas.contains($0.text) && $0.style.font.uppercase } ? 1 : 0
        return values.mapValues { ($0 * 10_000).rounded() / 10_000 }
    }
}
