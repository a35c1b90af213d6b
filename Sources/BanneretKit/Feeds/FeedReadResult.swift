/// Outcome of reading a feed: good products, plus one error per rejected
/// record naming file, line and field. One bad record never stops the others.
public struct FeedReadResult: Sendable {
    public var products: [Product]
    /// Line (JSONL) or record number (JSON array) of each product, for errors found later.
    public var lines: [Int]
    public var errors: [BanneretError]
}
