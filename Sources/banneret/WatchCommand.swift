import ArgumentParser
import BanneretKit
import Foundation

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Render every job dropped into a folder, unattended: a job file, a folder holding job.yaml, or a bare feed.",
        discussion: """
        Jobs are claimed into INBOX/.processing/, rendered into OUT/<job>/ and moved to INBOX/.done/, or to \
        INBOX/.failed/ beside <job>.error.json. Logs are JSON lines on stderr. SIGTERM and SIGINT finish the \
        banners in flight and exit 0 (the job resumes on the next start); SIGHUP reloads brands and templates.
        """
    )

    @Argument(help: "The folder jobs are dropped into.")
    var inbox: String

    @Option(help: "Where each job's results go, as OUT/<job name>/.")
    var out: String?

    @Option(help: "Brand guide for jobs that name none. Default: Examples/brand.yaml.")
    var brand: String?

    @Option(help: "A folder a job's paths (feed, brand, templates, images) may lead into besides the job's own; without it they are confined to the job. Repeatable.")
    var allowPath: [String] = []

    @Option(help: "Template file or folder for jobs that name none. Default: Templates/.")
    var templates: String?

    @Option(help: "Sizes and groups for jobs that name none (bare feeds), e.g. 300x250,728x90 or iab.")
    var sizes: String = BannerSize.defaultMix.map(\.description).joined(separator: ",")

    @Option(help: "png, jpeg or webp, for jobs that name none.")
    var format: String = "png"

    @Option(help: "Seconds an entry without a <name>.ready marker must stay unchanged before it is taken.")
    var settle: Double = 2

    @Option(help: "Seconds between full rescans of the inbox (inotify only hurries them along).")
    var rescan: Double = 5

    @Option(help: "Render threads for the job running.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Starts in a row without progress after which a job is set aside in .failed/.")
    var maxAttempts: Int = 5

    @Option(help: "Products rendered and journalled together; smaller loses less to a crash and stops sooner.")
    var chunk: Int = 8

    @Option(help: "Seconds after which a claim by a daemon on another host, untouched, is taken over.")
    var staleAfter: Double = 600

    @Flag(help: "Take only entries that have a <name>.ready marker.")
    var requireReady = false

    @Flag(help: "Process what is in the inbox (waiting for entries still settling), then exit.")
    var once = false

    @Flag(help: "Print the queue, the jobs in progress, done and failed, and exit.")
    var status = false

    @Flag(help: "With --status: JSON.")
    var json = false

    func validate() throws {
        guard OutputFormat(name: format) != nil else {
            throw ValidationError("--format must be png, jpeg or webp, not '\(format)'")
        }
        if !status, out == nil { throw ValidationError("--out DIR is required (each job's results go to DIR/<job>/)") }
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard settle >= 0, rescan > 0 else { throw ValidationError("--settle must be ≥ 0 and --rescan > 0") }
        guard maxAttempts >= 1 else { throw ValidationError("--max-attempts must be at least 1") }
        guard chunk >= 1 else { throw ValidationError("--chunk must be at least 1") }
        guard staleAfter > 0 else { throw ValidationError("--stale-after must be > 0") }
    }

    func run() throws {
        let layout = InboxLayout(inbox: URL(fileURLWithPath: inbox))
        if status {
            try printStatus(layout)
            return
        }
        let root = ProjectPaths.root()
        var defaults = JobSpec.Defaults(
            brand: URL(fileURLWithPath: brand ?? root.appendingPathComponent("Examples/brand.yaml").path).standardizedFileURL,
            templates: [URL(fileURLWithPath: templates ?? root.appendingPathComponent("Templates").path).standardizedFileURL])
        defaults.format = OutputFormat(name: format)!
        defaults.allowedDirectories = allowPath.map { URL(fileURLWithPath: $0).standardizedFileURL }
        do {
            defaults.sizes = try SizeCatalog.parse(sizes)
        } catch let error as BanneretError {
            throw fail(error)
        }
        var configuration = WatchConfiguration(inbox: layout.inbox, output: URL(fileURLWithPath: out!), defaults: defaults, jobs: jobs)
        configuration.settle = settle
        configuration.rescan = rescan
        configuration.maxAttempts = maxAttempts
        configuration.chunkSize = chunk
        configuration.staleAfter = staleAfter
        configuration.requireMarker = requireReady
        configuration.once = once
        let log = WatchLog()
        do {
            let fonts = try FontSet(directory: FontSet.locateDirectory())
            let daemon = WatchDaemon(configuration: configuration, fonts: fonts, log: log)
            let signals = DaemonSignals(daemon: daemon)
            let summary = try withExtendedLifetime(signals) { try daemon.run() }
            // Stopped by a signal: the job in hand resumes on the next start, which is the plan, not a failure.
            if once, !summary.stopped, summary.leftInProcessing > 0 { throw ExitCode(ExitStatus.tempFail) }
        } catch let error as BanneretError {
            log.log(.error, "daemon.failed", [("code", .text(error.code.rawValue)), ("message", .text(error.description))])
            throw fail(error)
        }
    }

    private func printStatus(_ layout: InboxLayout) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: layout.inbox.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw fail(BanneretError(.inboxMissing, "the inbox folder does not exist", at: Location(file: layout.inbox.path)))
        }
        let report = WatchStatus.read(layout: layout, output: out.map { URL(fileURLWithPath: $0).standardizedFileURL }, settle: settle)
        if json {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(report), as: UTF8.self))
        } else {
            print(report.text)
        }
    }
}
