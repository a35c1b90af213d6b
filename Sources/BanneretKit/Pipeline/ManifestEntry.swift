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
    /// Predicted click-through rate per customer segment; empty without a model or segments.
    public var scores: [String: Double]
    /// Per segment, this banner's place (1 = best) among its product's variants at this template and size.
    public var ranks: [String: Int] = [:]
    public var metrics: [String: Double]
    public var text: [TextReport]
    public var renderMS: Double
    public var warnings: [String]
    /// A catalogue grid's products, `productID` first; nil for a one-product banner.
    public var products: [String]?

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
        case template, size, format, path, bytes, variant, scores, ranks, metrics, text
        case renderMS = "render_ms"
        case warnings, products
    }
}
