import Foundation

/// What to generate and where.
public struct GenerationOptions: Sendable {
    public var feedURL: URL
    public var sizes: [BannerSize]
    public var format: OutputFormat
    public var outputDirectory: URL
    /// Worker threads; each owns its own Pango font map.
    public var jobs: Int
    /// nil: told from the feed's content.
    public var feedFormat: FeedReader.Format?
    /// For prices written without one (Magento exports write `32`).
    public var defaultCurrency: String?
    /// Folders besides the feed's own that image paths may point into.
    public var allowedDirectories: [URL] = []
    /// The folder relative image links resolve against (and must stay inside);
    /// default the feed's own. A watch-folder job's bare feed is moved into
    /// `.processing/` when claimed, while its pictures stay where it was dropped.
    public var imageDirectory: URL?
    /// Where fetched remote images are kept; default `<out>/.image-cache`.
    public var imageCacheDirectory: URL?
    /// Repair malformed XML feeds and keep what comes before a JSON syntax error, saying what was done.
    public var lenient = false
    /// A larger feed file is refused before it is read (`feed.too_large`; `--max-feed-mb`).
    public var maximumFeedBytes = FeedReader.Options.defaultMaximumBytes
    /// Records past this many are not read (`feed.too_large` at the first; `--max-feed-records`).
    public var maximumFeedRecords = FeedReader.Options.defaultMaximumRecords
    /// Diverse variants per product × template × size (1: the template's standard design only).
    public var variants = 1
    /// Seeds the tie-breaks of variant selection; the same seed picks the same variants.
    public var variantSeed: UInt64 = 0
    /// Scores every banner per customer segment (a trained model or the segments' priors).
    public var scorer: BannerScorer?
    /// Keep only each segment's best `top` variants per product, template and size; nil keeps all.
    public var top: Int?
    /// Largest file each banner may be (IAB's per-size limits by default):
    /// JPEG and WebP quality is searched down, PNG falls back to a palette,
    /// and a banner that still cannot fit is rejected, never shipped oversize.
    public var byteBudget: ByteBudget = .iabDefaults
    /// Products rendered, journalled and written together. Larger chunks keep
    /// the threads busier; smaller ones lose less work to a crash.
    public var chunkSize = 256
    /// Render again even what an earlier run finished (otherwise it is skipped).
    public var force = false
    /// Render only this shard's products and name outputs after it.
    public var shard: Shard?

    /// Whether this run renders `productID` (every product without a shard);
    /// a catalogue grid belongs to the owner of its first product.
    func owns(productID: String) -> Bool { shard?.owns(productID: productID) ?? true }
    /// Set it to stop: banners in flight finish, finished groups are kept for the next run.
    public var cancellation: CancellationFlag?
    /// Called after each chunk of products, on the calling thread.
    public var progress: (@Sendable (GenerationProgress) -> Void)?
    /// Called with each chunk's manifest entries, in feed order, as they are written.
    public var entriesHandler: (@Sendable ([ManifestEntry]) -> Void)?
    /// Keep every manifest entry and rejection in the report (the files have them anyway);
    /// turn off for huge runs to keep memory flat.
    public var collectResults = true

    public init(feedURL: URL, sizes: [BannerSize] = BannerSize.defaultMix, format: OutputFormat = .defaultPNG,
                outputDirectory: URL, jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                feedFormat: FeedReader.Format? = nil, defaultCurrency: String? = nil) {
        self.feedFormat = feedFormat
        self.defaultCurrency = defaultCurrency
        self.feedURL = feedURL
        self.sizes = sizes
        self.format = format
        self.outputDirectory = outputDirectory
        self.jobs = max(1, jobs)
    }
}

extension GenerationOptions {
    /// How the run reads its feed.
    var feedReaderOptions: FeedReader.Options {
        FeedReader.Options(format: feedFormat, defaultCurrency: defaultCurrency, lenient: lenient, jobs: jobs,
                           maximumBytes: maximumFeedBytes, maximumRecords: maximumFeedRecords)
    }
}

/// What a run produced: one manifest entry per banner written, one error per
/// record or banner rejected.
public struct GenerationReport: Sendable {
    public var entries: [ManifestEntry]
    public var errors: [RejectedItem]
    public var seconds: Double
    /// Products the feed yielded (before rendering).
    public var productsRead: Int
    /// What reading the feed repaired or assumed (a Latin-1 feed, a repaired bare `&`).
    public var notices: [BanneretError]
    /// Banners rendered by this run, and banners an earlier run had finished.
    public var bannersWritten = 0
    public var bannersReused = 0
    public var rejectedCount = 0
    /// Rejections per error code (`text.overflow`: 3).
    public var rejectedByReason: [String: Int] = [:]
    /// Bytes of the banner files this run wrote.
    public var bytesWritten = 0
    /// Stopped by ``GenerationOptions/cancellation``: nothing was published; run again to finish.
    public var interrupted = false
    /// Some failures may pass when tried again (network, interruption): job engines should retry.
    public var retryable = false
}

/// How far a run has got.
public struct GenerationProgress: Sendable {
    /// Products × templates × sizes finished, and in all (nil when not counted).
    public var groupsDone: Int
    public var groupsTotal: Int?
    public var bannersWritten: Int
    public var bannersReused: Int
    public var rejected: Int
    public var seconds: Double
}

/// A stop request shared between a signal handler and the workers.
public final class CancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    public init() {}

    public var isCancelled: Bool { lock.withLock { cancelled } }

    public func cancel() { lock.withLock { cancelled = true } }
}

/// A product or banner that was not produced, and why.
public struct RejectedItem: Error, Sendable, Codable, Equatable {
    public var productID: String?
    public var size: String?
    public var error: BanneretError

    enum CodingKeys: String, CodingKey {
        case productID = "product_id"
        case size, code, message, location
    }

    public init(productID: String?, size: String?, error: BanneretError) {
        self.productID = productID
        self.size = size
        self.error = error
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        productID = try c.decodeIfPresent(String.self, forKey: .productID)
        size = try c.decodeIfPresent(String.self, forKey: .size)
        error = BanneretError(try c.decode(BanneretError.Code.self, forKey: .code),
                              try c.decode(String.self, forKey: .message),
                              at: try c.decodeIfPresent(Location.self, forKey: .location))
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(productID, forKey: .productID)
        try c.encodeIfPresent(size, forKey: .size)
        try c.encode(error.code, forKey: .code)
        try c.encode(error.message, forKey: .message)
        try c.encodeIfPresent(error.location, forKey: .location)
    }
}
