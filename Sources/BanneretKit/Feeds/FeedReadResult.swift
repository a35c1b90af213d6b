/// Outcome of reading a feed (or, when streaming, one batch of it): good
/// products, one error per rejected record naming file, line and field, and
/// notices about what was repaired or assumed. One bad record never stops
/// the others.
public struct FeedReadResult: Sendable {
    public var products: [Product]
    /// The line each product starts on, for errors found later.
    public var lines: [Int]
    public var errors: [BanneretError]
    /// Not rejections: a Latin-1 feed read as such, malformed XML repaired under `--lenient`.
    public var notices: [BanneretError]

    public init(products: [Product] = [], lines: [Int] = [], errors: [BanneretError] = [], notices: [BanneretError] = []) {
        self.products = products
        self.lines = lines
        self.errors = errors
        self.notices = notices
    }

    mutating func append(_ other: FeedReadResult) {
        products += other.products
        lines += other.lines
        errors += other.errors
        notices += other.notices
    }
}

/// What a format reader hands on, in feed order: a record to map, a record
/// rejected while reading, or a notice. `offset` is how far into the bytes
/// the reader has got, so the pages behind it can be released.
enum FeedEvent {
    case record(FeedRecord, offset: Int)
    case error(BanneretError, offset: Int)
    case notice(BanneretError)
}
