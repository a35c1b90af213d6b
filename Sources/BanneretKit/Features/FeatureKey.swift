/// The names under which ``BannerFeatures/values`` reports each feature.
/// Manifests, scoring models and dashboards key on these strings, so they
/// never change meaning; a changed definition gets a new name. FEATURES.md
/// gives each one's formula, range and source.
public enum FeatureKey {
    // Layout, after PosterLayout (Hsu et al., CVPR 2023) and RALF (Horita et al., CVPR 2024).
    public static let validity = "layout_validity"
    public static let overlap = "layout_overlap"
    public static let alignment = "layout_alignment"
    public static let utility = "layout_utility"
    public static let occlusion = "layout_occlusion"
    /// Absent when the banner declares no underlay (the metric is undefined there).
    public static let underlayEffectivenessLoose = "layout_underlay_effectiveness_loose"
    /// Absent when the banner declares no underlay (the metric is undefined there).
    public static let underlayEffectivenessStrict = "layout_underlay_effectiveness_strict"

    // Legibility.
    /// Absent when no text element lies on the canvas.
    public static let contrastMin = "contrast_min"
    /// Absent when no text element lies on the canvas.
    public static let contrastMarginMin = "contrast_margin_min"
    public static let contrastPass = "contrast_pass"
    /// One per text element: `contrast_of_headline`, `contrast_of_price`, …
    public static func contrast(ofText id: String) -> String { "contrast_of_\(id)" }

    // Visual.
    public static let colorfulness = "colorfulness"
    public static let brightness = "brightness"
    public static let warmth = "warmth"
    public static let saturation = "saturation"
    public static let whitespace = "whitespace"
    /// Same meaning as the manifest's earlier `text_area` metric.
    public static let textArea = "text_area"
    /// Same meaning as the manifest's earlier `product_area` metric.
    public static let productArea = "product_area"
    public static let salientArea = "salient_area"
    public static let balanceOffset = "balance_offset"
    public static let colorCount = "color_count"

    // Brand compliance: 1 when violated, else 0.
    public static let textContrastViolation = "violation_text_contrast"
    public static let logoMinimumHeightViolation = "violation_logo_min_height"
    public static let logoClearSpaceViolation = "violation_logo_clear_space"
    public static let forbiddenPairViolation = "violation_forbidden_pair"

    /// Every fixed name, in report order (the per-text contrasts are not listed).
    public static let all = [
        validity, overlap, alignment, utility, occlusion, underlayEffectivenessLoose, underlayEffectivenessStrict,
        contrastMin, contrastMarginMin, contrastPass,
        colorfulness, brightness, warmth, saturation, whitespace, textArea, productArea, salientArea, balanceOffset,
        colorCount,
        textContrastViolation, logoMinimumHeightViolation, logoClearSpaceViolation, forbiddenPairViolation,
    ]
}
