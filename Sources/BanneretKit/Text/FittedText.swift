/// The result of fitting one text into its box.
public struct FittedText: Sendable, Hashable, Codable {
    /// Font size in pixels the text is drawn at.
    public var fontSize: Double
    public var lineCount: Int
    /// Logical extents of the laid-out text, in pixels.
    public var width: Double
    public var height: Double
    /// True when the text was cut with an ellipsis to fit.
    public var truncated: Bool
    /// Characters no bundled font could draw (tofu); a banner with any is rejected.
    public var unknownGlyphs: Int
    /// True when even the minimum size with ellipsis does not fit the box.
    public var overflows: Bool
    /// Narrower than the box when lines were rebalanced to avoid a lone last word.
    public var wrapWidth: Double?

    enum CodingKeys: String, CodingKey {
        case fontSize = "font_size"
        case lineCount = "lines"
        case width, height, truncated
        case unknownGlyphs = "unknown_glyphs"
        case overflows = "overflow"
        case wrapWidth = "wrap_width"
    }
}
