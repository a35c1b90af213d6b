/// A banner's pixel size, written `300x250`.
public struct BannerSize: Sendable, Hashable, Codable, CustomStringConvertible, Comparable {
    /// Canvas sides above this are refused: Cairo's image surfaces top out at
    /// 32767 px, and nothing an ad network accepts comes near 8192.
    public static let maximumSide = 8192

    public var width: Int
    public var height: Int

    public init(width: Int, height: Int) {
        self.width = width
        self.height = height
    }

    /// Parses `WIDTHxHEIGHT`.
    public init(parsing text: String) throws {
        let parts = text.lowercased().split(separator: "x", omittingEmptySubsequences: false)
        guard parts.count == 2, let w = Int(parts[0]), let h = Int(parts[1]) else {
            throw BanneretError(.sizeInvalid, "'\(text)' is not a size; write WIDTHxHEIGHT, e.g. 300x250")
        }
        guard (1 ... Self.maximumSide).contains(w), (1 ... Self.maximumSide).contains(h) else {
            throw BanneretError(.sizeInvalid, "size \(text) is outside 1...\(Self.maximumSide) pixels a side")
        }
        self.init(width: w, height: h)
    }

    /// Throws `size.invalid` unless both sides are within 1...``maximumSide``: sizes
    /// built in code (the library API) skip ``init(parsing:)``, and a canvas is
    /// width × height × 4 bytes before anything is drawn on it.
    public func checkRenderable() throws(BanneretError) {
        guard (1 ... Self.maximumSide).contains(width), (1 ... Self.maximumSide).contains(height) else {
            throw BanneretError(.sizeInvalid, "size \(self) is outside 1...\(Self.maximumSide) pixels a side")
        }
    }

    public var description: String { "\(width)x\(height)" }
    public var aspectRatio: Double { Double(width) / Double(height) }

    public static func < (a: BannerSize, b: BannerSize) -> Bool {
        (a.width, a.height) < (b.width, b.height)
    }

    /// The five sizes of the default job: IAB medium rectangle, leaderboard and
    /// wide skyscraper, the 1.91:1 social link image and the 1:1 feed image.
    public static let defaultMix: [BannerSize] = [
        BannerSize(width: 300, height: 250), BannerSize(width: 728, height: 90),
        BannerSize(width: 160, height: 600), BannerSize(width: 1200, height: 628),
        BannerSize(width: 1080, height: 1080),
    ]

    public init(from decoder: Decoder) throws {
        try self.init(parsing: try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
