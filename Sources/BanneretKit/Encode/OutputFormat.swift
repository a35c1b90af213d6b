/// The file formats a banner can be written in, with their knobs.
public enum OutputFormat: Sendable, Hashable, CustomStringConvertible {
    /// Lossless; `compression` is libdeflate's level 1 (fastest) ... 12 (smallest).
    case png(compression: Int)
    /// libjpeg-turbo, quality 1...100.
    case jpeg(quality: Int)
    /// libwebp lossy at quality 0...100, or lossless.
    case webp(quality: Int, lossless: Bool)
    /// Vector, drawn again from the layout by Cairo: text as embedded font
    /// subsets, pictures embedded at their resolution. For print and for
    /// designers to open, not for ad servers (byte budgets do not apply).
    case pdf
    /// Vector like ``pdf``, in pixel units; glyphs as paths, pictures as embedded PNGs.
    case svg

    public static let defaultPNG = OutputFormat.png(compression: 6)
    public static let defaultJPEG = OutputFormat.jpeg(quality: 85)
    public static let defaultWebP = OutputFormat.webp(quality: 85, lossless: false)

    /// Parses the CLI's `png`, `jpeg`/`jpg`, `webp`, `pdf`, `svg`.
    public init?(name: String) {
        switch name.lowercased() {
        case "png": self = .defaultPNG
        case "jpeg", "jpg": self = .defaultJPEG
        case "webp": self = .defaultWebP
        case "pdf": self = .pdf
        case "svg": self = .svg
        default: return nil
        }
    }

    public var name: String {
        switch self {
        case .png: "png"
        case .jpeg: "jpeg"
        case .webp: "webp"
        case .pdf: "pdf"
        case .svg: "svg"
        }
    }

    public var fileExtension: String {
        switch self {
        case .png: "png"
        case .jpeg: "jpg"
        case .webp: "webp"
        case .pdf: "pdf"
        case .svg: "svg"
        }
    }

    /// The same format at another quality; formats without a quality knob are unchanged.
    public func withQuality(_ quality: Int) -> OutputFormat {
        switch self {
        case .jpeg: .jpeg(quality: quality)
        case .webp(_, let lossless): .webp(quality: quality, lossless: lossless)
        case .png, .pdf, .svg: self
        }
    }

    /// Drawn from the layout rather than encoded from pixels.
    public var isVector: Bool {
        switch self {
        case .pdf, .svg: true
        case .png, .jpeg, .webp: false
        }
    }

    public var description: String {
        switch self {
        case .png(let level): "png (deflate level \(level))"
        case .jpeg(let quality): "jpeg (quality \(quality))"
        case .webp(let quality, let lossless): lossless ? "webp (lossless)" : "webp (quality \(quality))"
        case .pdf: "pdf (vector)"
        case .svg: "svg (vector)"
        }
    }
}
