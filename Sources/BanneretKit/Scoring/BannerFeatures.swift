/// The features Banneret measures on every banner it renders, as
/// `manifest.jsonl` reports them under `metrics`.
///
/// Segment priors are checked against these names (plus any the training
/// data carries) so that a misspelt prior, `colorfulness` for
/// `colourfulness`, is refused instead of silently weighing nothing.
public enum BannerFeatures {
    public static let names = [
        "contrast_min", "colourfulness", "brightness", "warmth", "saturation", "whitespace",
        "text_area", "product_area", "balance", "discount_shown", "price_led", "cta_uppercase",
    ]
}
