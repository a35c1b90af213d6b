import Foundation

/// Reads a feed in whichever format it is, told by its content (not its
/// name) unless the caller says otherwise.
public enum FeedReader {
    public enum Format: String, Sendable, CaseIterable {
        case json, csv, tsv, xml
    }

    public static func read(contentsOf url: URL, format: Format? = nil, defaultCurrency: String? = nil) throws -> FeedReadResult {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BanneretError(.feedMissing, "feed file not found or unreadable", at: Location(file: url.path))
        }
        switch format ?? detect(data) {
        case .json: return try JSONFeedReader.read(data, file: url.path, defaultCurrency: defaultCurrency)
        case .csv, .tsv: return try CSVFeedReader.read(data, file: url.path, defaultCurrency: defaultCurrency)
        case .xml: return try MerchantCenterXMLReader.read(data, file: url.path, defaultCurrency: defaultCurrency)
        }
    }

    private static func firstByte(_ data: Data) -> UInt8? {
        data.prefix(4096).drop { [0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }.first
    }

    static func looksLikeXML(_ data: Data) -> Bool { firstByte(data) == UInt8(ascii: "<") }

    /// JSON starts with `[` or `{`, XML with `<`; anything else is delimited text.
    static func detect(_ data: Data) -> Format {
        if looksLikeXML(data) { return .xml }
        return [UInt8(ascii: "["), UInt8(ascii: "{")].contains(firstByte(data)) ? .json : .csv
    }
}
