/// The file formats a banner can be written in, with their knobs.
public enum OutputFormat: Sendable, Hashable, CustomStringConvertible {
    /// Lossless; `compression` is libdeflate's level 1 (fastest) ... 12 (smallest).
    case png(compression: Int)
    /// libjpeg-turbo, quality 1...100.
    case jpeg(quality: Int)
    /// libwebp lossy at quality 0...100, or lossless.
    case webp(quality: Int, lossless: Bool)

    public static let defaultPNG = OutputFormat.png(compression: 6)
    public static let defaultJPEG = OutputFormat.jpeg(quality: 85)
    public static let defaultWebP = OutputFormat.webp(quality: 85, lossless: false)

    /// Parses the CLI's `png`, `jpeg`/`jpg`, `webp`.
    public init?(name: String) {
        switch name.lowercased() {
        case "png": self = .defaultPNG
        case "jpeg", "jpg": self = .defaultJPEG
        case "webp": self = .defaultWebP
        default: return nil
        }
    }

    public var name: String {
        switch self {
        case .png: "png"
        case .jpeg: "jpeg"
        case .webp: "webp"
        }
    }

    public var fileExtension: String {
        switch self {
        case .png: "png"
        case .jpeg: "jpg"
        case .webp: "webp"
        }
    }

    public var description: String {
        switch self {
        case .png(let level): "png (deflate level \(level))"
        case .jpeg(let quality): "jpeg (quality \(quality))"
        case .webp(let quality, let lossless): lossless ? "webp (lossless)" : "webp (quality \(quality))"
        }
    }
}
