import Foundation

/// Reads a feed in whichever format it is, told by its content (not its
/// name) unless the caller says otherwise.
///
/// Reading streams: the file is mapped, parsed record by record, and records
/// are mapped to products in batches on several threads, in feed order, so
/// a million-record feed needs neither a million-record buffer nor one core.
public enum FeedReader {
    public enum Format: String, Sendable, CaseIterable {
        case json, csv, tsv, xml
    }

    /// How to read a feed.
    public struct Options: Sendable {
        /// nil: told from the content.
        public var format: Format?
        /// For prices written without a currency (Magento exports write `32`).
        public var defaultCurrency: String?
        /// Repair malformed XML and keep the records before a JSON syntax error, saying what was done.
        public var lenient: Bool
        /// Threads mapping records to products.
        public var jobs: Int
        /// A larger file is refused from its size, before a byte is read (`feed.too_large`).
        public var maximumBytes: Int
        /// Records past this many are not read; one `feed.too_large` at the first of them
        /// says so, and the records before it go through.
        public var maximumRecords: Int

        public static let defaultMaximumBytes = 4 << 30
        public static let defaultMaximumRecords = 5_000_000

        public init(format: Format? = nil, defaultCurrency: String? = nil, lenient: Bool = false,
                    jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                    maximumBytes: Int = defaultMaximumBytes, maximumRecords: Int = defaultMaximumRecords) {
            self.format = format
            self.defaultCurrency = defaultCurrency
            self.lenient = lenient
            self.jobs = max(1, jobs)
            self.maximumBytes = maximumBytes
            self.maximumRecords = maximumRecords
        }
    }

    /// Records mapped per batch: large enough to share among threads, small
    /// enough that a batch of products stays a few megabytes.
    static let batchSize = 4_096

    /// Reads the whole feed into memory.
    public static func read(contentsOf url: URL, format: Format? = nil, defaultCurrency: String? = nil,
                            lenient: Bool = false) throws -> FeedReadResult {
        var result = FeedReadResult()
        try stream(contentsOf: url, options: Options(format: format, defaultCurrency: defaultCurrency, lenient: lenient)) {
            result.append($0)
        }
        return result
    }

    /// Reads a feed held in memory; `file` names it in errors.
    static func read(_ data: some Collection<UInt8>, file: String, options: Options = Options()) throws(BanneretError) -> FeedReadResult {
        var result = FeedReadResult()
        try stream(try FeedBytes(data, file: file, maximumBytes: options.maximumBytes), options: options) { result.append($0) }
        return result
    }

    /// Calls `body` with consecutive batches of the feed, in order; notices
    /// arrive with the batch they were found in.
    public static func stream(contentsOf url: URL, options: Options = Options(),
                              _ body: (FeedReadResult) -> Void) throws {
        let bytes = try FeedBytes(contentsOf: url, maximumBytes: options.maximumBytes)
        try stream(bytes, options: options, body)
    }

    static func stream(_ source: FeedBytes, options: Options, _ body: (FeedReadResult) -> Void) throws(BanneretError) {
        try withoutActuallyEscaping(body) { body throws(BanneretError) in
            try stream(source, options: options, escapable: body)
        }
    }

    private static func stream(_ source: FeedBytes, options: Options,
                               escapable body: @escaping (FeedReadResult) -> Void) throws(BanneretError) {
        let file = source.file
        var seen = 0
        var batcher = FeedBatcher(file: file, options: options) { batch in
            seen += batch.products.count + batch.errors.count
            body(batch)
        }
        if let notice = source.notice { batcher.add(FeedEvent.notice(notice)) }
        var records = 0
        try source.withBytes { bytes throws(BanneretError) in
            let emit: (FeedEvent) -> Void = { event in
                if case .record(let record, let offset) = event {
                    records += 1
                    // The readers cannot be stopped from here; records past the limit are dropped
                    // (the byte limit bounds the time that takes) and the first says why.
                    if records > options.maximumRecords {
                        guard records == options.maximumRecords + 1 else { return }
                        let error = BanneretError(.feedTooLarge, "the feed holds more than \(options.maximumRecords) records; "
                                                  + "this one and those after it were not read (raise --max-feed-records)",
                                                  at: Location(file: file, line: record.line))
                        if let offset = batcher.add(.error(error, offset: offset)) { source.release(upTo: offset) }
                        return
                    }
                }
                if let offset = batcher.add(event) { source.release(upTo: offset) }
            }
            switch options.format ?? detect(bytes) {
            case .json: try JSONFeedReader.records(bytes, file: file, lenient: options.lenient,
                                                   preferredCurrency: options.defaultCurrency, emit: emit)
            case .csv, .tsv: try CSVFeedReader.records(bytes, file: file, emit: emit)
            case .xml: try MerchantCenterXMLReader.records(bytes, file: file, lenient: options.lenient, emit: emit)
            }
        }
        batcher.flush()
        if seen == 0 {
            throw BanneretError(.feedSyntax, "the feed holds no records", at: Location(file: file))
        }
    }

    /// JSON starts with `[` or `{`, XML with `<`; anything else is delimited text.
    static func detect(_ bytes: UnsafeBufferPointer<UInt8>) -> Format {
        let first = bytes.prefix(4096).first { ![0x20, 0x09, 0x0A, 0x0D].contains($0) }
        switch first {
        case UInt8(ascii: "<"): return .xml
        case UInt8(ascii: "["), UInt8(ascii: "{"): return .json
        default: return .csv
        }
    }
}

/// Collects records into batches and maps each batch on `jobs` threads,
/// handing results on in feed order.
private struct FeedBatcher {
    let file: String
    let options: FeedReader.Options
    let body: (FeedReadResult) -> Void
    private var events: [FeedEvent] = []
    private var records = 0

    init(file: String, options: FeedReader.Options, body: @escaping (FeedReadResult) -> Void) {
        self.file = file
        self.options = options
        self.body = body
    }

    /// Returns the offset read so far when a batch was handed on.
    @discardableResult
    mutating func add(_ event: FeedEvent) -> Int? {
        events.append(event)
        if case .record = event { records += 1 }
        guard records >= FeedReader.batchSize else { return nil }
        let offset = events.lazy.compactMap { event -> Int? in
            switch event {
            case .record(_, let offset), .error(_, let offset): offset
            case .notice: nil
            }
        }.last
        flush()
        return offset
    }

    mutating func flush() {
        guard !events.isEmpty else { return }
        var pending: [FeedRecord] = []
        pending.reserveCapacity(records)
        for case .record(let record, _) in events { pending.append(record) }
        let mapped = map(pending)
        var result = FeedReadResult()
        var next = 0
        for event in events {
            switch event {
            case .record:
                switch mapped[next] {
                case .success(let product):
                    result.products.append(product)
                    result.lines.append(pending[next].line)
                case .failure(let error): result.errors.append(error)
                }
                next += 1
            case .error(let error, _): result.errors.append(error)
            case .notice(let notice): result.notices.append(notice)
            }
        }
        events.removeAll(keepingCapacity: true)
        records = 0
        body(result)
    }

    private func map(_ records: [FeedRecord]) -> [Result<Product, BanneretError>] {
        let file = file, currency = options.defaultCurrency
        let slices = records.count < 256 ? 1 : min(options.jobs, 8)
        let output = UnsafeMutableBufferPointer<Result<Product, BanneretError>>.allocate(capacity: records.count)
        defer { output.deallocate() }
        let base = SendablePointer(output.baseAddress!)
        records.withUnsafeBufferPointer { input in
            let source = SendableRecords(input)
            DispatchQueue.concurrentPerform(iterations: slices) { slice in
                let range = (source.buffer.count * slice / slices) ..< (source.buffer.count * (slice + 1) / slices)
                for index in range {
                    let result = Result { () throws(BanneretError) -> Product in
                        try FeedRecordMapper.product(from: source.buffer[index], file: file, defaultCurrency: currency)
                    }
                    (base.pointer + index).initialize(to: result)
                }
            }
        }
        let results = Array(output)
        _ = output.baseAddress.map { $0.deinitialize(count: records.count) }
        return results
    }
}

/// Disjoint slices of one buffer written by concurrent iterations.
private struct SendablePointer<T>: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<T>
    init(_ pointer: UnsafeMutablePointer<T>) { self.pointer = pointer }
}

private struct SendableRecords: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<FeedRecord>
    init(_ buffer: UnsafeBufferPointer<FeedRecord>) { self.buffer = buffer }
}
