import ArgumentParser
import BanneretKit
import Foundation
import Logging

struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Render banners for every product and size; with no options, the Examples job into Output/."
    )

    @Option(help: "Product feed: Merchant Center XML (RSS/Atom), CSV/TSV, JSON or JSON Lines. Default: Examples/feed.jsonl.")
    var feed: String?

    @Option(help: "json, csv, tsv or xml; default: told from the feed's content.")
    var feedFormat: String?

    @Option(help: "ISO 4217 currency for prices written without one, e.g. USD.")
    var currency: String?

    @Flag(help: "Repair malformed XML (a bare &, a truncated end) and keep records before a JSON syntax error; every repair is reported.")
    var lenient = false

    @Option(help: "A folder images and logos may come from besides the feed's and brand guide's own (paths are otherwise confined to them, symlinks included). Repeatable.")
    var allowPath: [String] = []

    @Option(help: "Largest feed file in MB (2^20 bytes); a larger one is refused before it is read (feed.too_large).")
    var maxFeedMb: Int = FeedReader.Options.defaultMaximumBytes >> 20

    @Option(help: "Most records read from the feed; the rest are skipped with one feed.too_large error.")
    var maxFeedRecords: Int = FeedReader.Options.defaultMaximumRecords

    @Option(help: "Brand guide YAML. Default: Examples/brand.yaml.")
    var brand: String?

    @Option(help: "Template file or folder of templates (*.yaml). Default: Templates/.")
    var templates: String?

    @Option(help: "Comma-separated sizes and groups: 300x250,728x90 or iab, social, all.")
    var sizes: String = BannerSize.defaultMix.map(\.description).joined(separator: ",")

    @Option(help: "png, jpeg, webp, or pdf and svg (vector, drawn from the layout; byte budgets do not apply).")
    var format: String = "png"

    @Option(help: "JPEG/WebP quality 1...100.")
    var quality: Int?

    @Option(help: "Render threads; each has its own font map.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Diverse design variants per product, template and size (colour scheme, headline copy, CTA text, image); near-duplicates are dropped.")
    var variants: Int = 1

    @Option(help: "Seed for variant selection; the same seed picks the same variants.")
    var seed: UInt64 = 0

    @Option(help: "Trained preference model (banneret train); scores every banner per segment.")
    var model: String?

    @Option(help: "Segments YAML whose priors score banners when there is no trained model (e.g. Examples/segments.yaml).")
    var segments: String?

    @Option(help: "Keep each segment's best K variants per product, template and size; the others are not kept.")
    var top: Int?

    @Option(help: "Largest file per banner in kB (1,000 bytes): iab (IAB limits per size, the default), none, or a number.")
    var maxKb: String = "iab"

    @Option(help: "Products rendered and journalled together; smaller chunks lose less work to a crash.")
    var chunk: Int = 256

    @Flag(help: "Render again what an earlier run into the same folder already finished.")
    var force = false

    @Option(help: "Render only shard INDEX/COUNT (e.g. 3/16), products dealt by a stable hash of their id; without it, JOB_COMPLETION_INDEX, AWS_BATCH_JOB_ARRAY_INDEX or CLOUD_RUN_TASK_INDEX set the shard.")
    var shard: String?

    @Option(help: "Shard count when the index comes from JOB_COMPLETION_INDEX (or set BANNERET_SHARD_COUNT).")
    var shardCount: Int?

    @Option(help: "Output folder. Default: Output/.")
    var out: String?

    @Option(help: "Largest feed accepted, in bytes (feed.too_large beyond).")
    var maxFeedBytes: Int = FeedReader.Options.defaultMaximumBytes

    @Option(help: "Most feed records read; the rest are refused with one feed.too_large.")
    var maxRecords: Int = FeedReader.Options.defaultMaximumRecords

    @Flag(help: "Print nothing but errors.")
    var quiet = false

    @OptionGroup var logging: LoggingOptions

    func validate() throws {
        guard OutputFormat(name: format) != nil else {
            throw ValidationError("--format must be png, jpeg, webp, pdf or svg, not '\(format)'")
        }
        if let feedFormat, FeedReader.Format(rawValue: feedFormat) == nil {
            throw ValidationError("--feed-format must be json, csv, tsv or xml, not '\(feedFormat)'")
        }
        if let currency, currency.count != 3 || !currency.allSatisfy(\.isLetter) {
            throw ValidationError("--currency takes an ISO 4217 code such as USD, not '\(currency)'")
        }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard maxFeedBytes >= 1, maxRecords >= 1 else { throw ValidationError("--max-feed-bytes and --max-records must be at least 1") }
        guard (1 ... 64).contains(variants) else { throw ValidationError("--variants must be within 1...64") }
        if let top, top < 1 { throw ValidationError("--top must be at least 1") }
        guard ByteBudget(argument: maxKb) != nil else { throw ValidationError("--max-kb takes iab, none or a whole number of kB, not '\(maxKb)'") }
        if let quality, !(1 ... 100).contains(quality) { throw ValidationError("--quality must be within 1...100") }
        guard (1 ... 1 << 30).contains(maxFeedMb) else { throw ValidationError("--max-feed-mb must be at least 1") }
        guard maxFeedRecords >= 1 else { throw ValidationError("--max-feed-records must be at least 1") }
    }

    func run() throws {
        let root = ProjectPaths.root()
        let feedURL = URL(fileURLWithPath: feed ?? root.appendingPathComponent("Examples/feed.jsonl").path)
        let brandURL = URL(fileURLWithPath: brand ?? root.appendingPathComponent("Examples/brand.yaml").path)
        let templatesURL = URL(fileURLWithPath: templates ?? root.appendingPathComponent("Templates").path)
        let outURL = URL(fileURLWithPath: out ?? root.appendingPathComponent("Output").path)
        var outputFormat = OutputFormat(name: format)!
        if let quality { outputFormat = outputFormat.withQuality(quality) }
        let log = logging.logger("banneret.generate")
        do {
            let sizeList = try SizeCatalog.parse(sizes)
            let engine = try Engine(fonts: FontSet(directory: FontSet.locateDirectory()), brandURL: brandURL,
                                    templates: [templatesURL], allowedDirectories: allowPath.map { URL(fileURLWithPath: $0) })
            var options = GenerationOptions(
                feedURL: feedURL, sizes: sizeList, format: outputFormat, outputDirectory: outURL, jobs: jobs,
                feedFormat: feedFormat.flatMap(FeedReader.Format.init), defaultCurrency: currency?.uppercased())
            options.allowedDirectories = allowPath.map { URL(fileURLWithPath: $0) }
            options.lenient = lenient
            options.maximumFeedBytes = maxFeedMb << 20
            options.maximumFeedRecords = maxFeedRecords
            options.variants = variants
            options.variantSeed = seed
            options.top = top
            options.force = force
            options.chunkSize = max(1, chunk)
            options.byteBudget = ByteBudget(argument: maxKb)!
            options.shard = try shard.map(Shard.init(parsing:)) ?? Shard.fromEnvironment(countOverride: shardCount)
            options.collectResults = false
            let signals = StopSignals()
            options.cancellation = signals.flag
            // JSON logs are for collectors: a rewritten progress line would corrupt them.
            let display = quiet || logging.logFormat == .json ? nil : ProgressDisplay()
            if let display { options.progress = { display.update($0) } }
            if let model {
                options.scorer = BannerScorer(model: try PreferenceModelFile.load(URL(fileURLWithPath: model)))
            } else if let segments {
                options.scorer = BannerScorer(segments: try SegmentsLoader.load(URL(fileURLWithPath: segments)))
            }
            let report = try Generator(engine: engine).run(options)
            display?.finish()
            for notice in report.notices {
                log.warning("\(notice)", metadata: Self.metadata(notice))
            }
            let suffix = options.shard?.fileSuffix ?? ""
            if report.interrupted {
                log.notice("stopped before the end; nothing was published, run again to finish",
                           metadata: ["rendered": .stringConvertible(report.bannersWritten)])
                // SIGTERM is how job engines preempt: 75 asks them to run the shard again.
                throw ExitCode(signals.received == SIGINT ? 130 : ExitStatus.tempFail)
            }
            Self.logRejections(from: outURL.appendingPathComponent("errors\(suffix).jsonl"), count: report.rejectedCount, to: log)
            let summary = RunSummary(report: report, jobs: jobs, manifest: outURL.appendingPathComponent("manifest\(suffix).jsonl").path,
                                     errors: outURL.appendingPathComponent("errors\(suffix).jsonl").path,
                                     shard: options.shard?.description)
            if logging.logFormat == .json {
                log.info("run finished", metadata: Logger.Metadata(uniqueKeysWithValues: summary.fields.map {
                    ($0.0, Int($0.1).map { .stringConvertible($0) } ?? Double($0.1).map { .stringConvertible($0) } ?? .string($0.1))
                }))
            } else if !quiet {
                print(summary.text, terminator: "")
            }
            if report.retryable { throw ExitCode(ExitStatus.tempFail) }
            // Nothing could be read at all: the input is the problem, not some records.
            if report.productsRead == 0, report.rejectedCount > 0 { throw ExitCode(ExitStatus.dataError) }
            if report.rejectedCount > 0 { throw ExitCode(ExitStatus.someRejected) }
        } catch let error as BanneretError {
            throw fail(error)
        }
    }

    /// The first rejections, readable; all of them are in the errors file.
    static func logRejections(from url: URL, count: Int, to log: Logger, limit: Int = 20) {
        guard count > 0, let text = try? String(contentsOf: url, encoding: .utf8) else { return }
        for line in text.split(separator: "\n").prefix(limit) {
            guard let item = try? JSONDecoder().decode(RejectedItem.self, from: Data(line.utf8)) else { continue }
            let what = [item.productID, item.size].compactMap { $0 }.joined(separator: " @ ")
            var metadata = metadata(item.error)
            metadata["product"] = item.productID.map { .string($0) }
            metadata["size"] = item.size.map { .string($0) }
            log.notice("rejected \(what.isEmpty ? "record" : what): \(item.error)", metadata: metadata)
        }
        if count > limit { log.notice("… and \(count - limit) more in \(url.lastPathComponent)") }
    }

    /// An error's code and location as log fields.
    static func metadata(_ error: BanneretError) -> Logger.Metadata {
        var fields: Logger.Metadata = ["code": .string(error.code.rawValue)]
        if let location = error.location {
            fields["file"] = .string(location.file)
            fields["line"] = location.line.map { .stringConvertible($0) }
            fields["field"] = location.field.map { .string($0) }
            fields["element"] = location.element.map { .string($0) }
        }
        return fields
    }
}
