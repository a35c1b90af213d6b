/// One line of `manifest.jsonl`: a finished banner and everything known about it.
public struct ManifestEntry: Sendable, Codable, Hashable {
    public var id: String
    public var productID: String
    public var template: String
    public var size: String
    public var format: String
    /// Relative to the manifest's folder.
    public var path: String
    public var bytes: Int
    /// The value of each variant axis this banner was rendered with.
    public var variant: [String: String]
    /// `total` and one score per segment; empty until a preference model is given.
    public var scores: [String: Double]
    public var metrics: [String: Double]
    public var text: [TextReport]
    public var renderMS: Double
    public var warnings: [String]

    public struct TextReport: Sendable, Codable, Hashable {
        public var element: String
        public var fontSize: Double
        /// The template's size range the fitter chose from.
        public var minSize: Double
        public var maxSize: Double
        public var lines: Int
        public var truncated: Bool
        public var unknownGlyphs: Int

        enum CodingKeys: String, CodingKey {
            case element
            case fontSize = "font_size"
            case minSize = "min_size"
            case maxSize = "max_size"
            case lines, truncated
            case unknownGlyphs = "unknown_glyphs"
        }
    }

    enum CodingKeys: String, CodingKey {
        case id
        case productID = "product_id"
        case template, size, format, path, bytes, variant, scores, metrics, text
        case renderMS = "render_ms"
        case warnings
    }
}
