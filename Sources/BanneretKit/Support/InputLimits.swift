/// The fixed ceilings on what a template, brand guide or text may ask of the
/// engine. Feeds and images come from outside and are treated as hostile; a
/// limit is always an error with a stable code, never a crash, a hang or an
/// allocation the machine cannot make. The limits callers may tune live next
/// to what they govern: ``FeedReader/Options`` (bytes and records per feed)
/// and ``ImageLimits`` (pixels and bytes per image).
///
/// | Limit | Value | Code |
/// |---|---|---|
/// | characters of one text before shaping | 5,000 | `text.too_long` |
/// | template or brand guide file | 1 MB | `template.too_large`, `brand.too_large` |
/// | YAML nodes, aliases counted as often as they are used | 100,000 | same |
/// | template elements | 256 | `template.too_large` |
/// | template constraints (all size classes) | 4,096 | `template.too_large` |
/// | template `let` names | 1,024 | `template.too_large` |
/// | expression nesting (parentheses, signs, `min`/`max`) | 64 | `template.too_large` |
/// | tokens in one expression | 1,000 | `template.too_large` |
public enum InputLimits {
    /// Text longer than this never reaches Pango: HarfBuzz before 8.x (Debian 12
    /// ships 6.0) takes time quadratic in the length of some runs, so a long
    /// field could stall a render thread for minutes. Nothing a banner shows
    /// comes near it.
    public static let maximumTextCharacters = 5_000
    /// Templates and brand guides are hand-written; a megabyte is far beyond any.
    public static let maximumYAMLBytes = 1 << 20
    /// YAML aliases let a small file describe an exponentially large tree (the
    /// YAML form of "billion laughs"); walking it counts every use of an alias.
    public static let maximumYAMLNodes = 100_000
    public static let maximumTemplateElements = 256
    public static let maximumTemplateConstraints = 4_096
    public static let maximumTemplateLets = 1_024
    /// The expression parser recurses once per level; this keeps the stack small.
    public static let maximumExpressionDepth = 64
    /// Later passes walk an expression's tree recursively; a 1,000-token sum is still shallow enough.
    public static let maximumExpressionTokens = 1_000
}
