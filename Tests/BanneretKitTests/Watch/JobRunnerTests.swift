import Foundation
import Testing
@testable import BanneretKit

@Suite struct JobRunnerTests {
    let root = Fixtures.temporaryDirectory("runner")
    var inbox: URL { root.appendingPathComponent("inbox") }
    var configuration: WatchConfiguration {
        var defaults = JobSpec.Defaults(brand: Fixtures.examples.appendingPathComponent("brand.yaml"),
                                        templates: [Fixtures.repositoryRoot.appendingPathComponent("Templates/stock-hero.yaml")])
        // The jobs' feeds live in data/, beside the inbox.
        defaults.allowedDirectories = [root.appendingPathComponent("data")]
        var configuration = WatchConfiguration(inbox: inbox, output: root.appendingPathComponent("out"), defaults: defaults, jobs: 2)
        configuration.chunkSize = 1
        return configuration
    }

    init() throws {
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.examples.appendingPathComponent("images"),
                                         to: root.appendingPathComponent("data/images"))
        try configuration.layout.prepare()
    }

    /// A job file over the first `products` Examples products at 300x250.
    func drop(_ name: String, products: Int = 2, feedLines: [String]? = nil) throws -> ClaimedJob {
        let lines = try feedLines ?? String(contentsOf: Fixtures.examples.appendingPathComponent("feed.jsonl"), encoding: .utf8)
            .split(separator: "\n").prefix(products).map(String.init)
        let feed = "data/\(name).jsonl"
        try (lines.joined(separator: "\n") + "\n").write(to: root.appendingPathComponent(feed), atomically: true, encoding: .utf8)
        try "feed: ../\(feed)\nsizes: [300x250]\nformat: jpeg\n".write(to: inbox.appendingPathComponent("\(name).yaml"),
                                                                      atomically: true, encoding: .utf8)
        return try #require(try JobClaim(layout: configuration.layout).claim(JobEntry(name: "\(name).yaml", kind: .jobFile)))
    }

    func runner(cancelled: Bool = false) -> JobRunner {
        let flag = CancellationFlag()
        if cancelled { flag.cancel() }
        return JobRunner(configuration: configuration, engines: EngineCache(fonts: Fixtures.fonts),
                         claim: JobClaim(layout: configuration.layout), log: WatchLog(write: { _ in }), cancellation: flag)
    }

    func manifestPaths(_ folder: URL) throws -> Set<String> {
        Set(try String(contentsOf: folder.appendingPathComponent("manifest.jsonl"), encoding: .utf8).split(separator: "\n").map {
            (try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["path"] as! String
        })
    }

    func banners(_ folder: URL) throws -> Set<String> {
        Set(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jpg") })
    }

    @Test func aGoodJobEndsInDoneWithItsResultsAndADroppedAgainJobReplacesThem() throws {
        let job = try drop("spring", products: 3)
        guard case .done(let summary) = runner().run(job) else { Issue.record("not done"); return }
        #expect(summary.name == "spring.yaml" && summary.bannersWritten == 3 && summary.products == 3)
        let results = configuration.output.appendingPathComponent("spring")
        #expect(try banners(results).count == 3 && manifestPaths(results) == banners(results))
        #expect(FileManager.default.fileExists(atPath: configuration.layout.done.appendingPathComponent("spring.yaml").path))
        #expect(!FileManager.default.fileExists(atPath: configuration.attempts(for: job.entry).path), "no attempt record is left")

        let again = try drop("spring", products: 1)
        guard case .done(let second) = runner().run(again) else { Issue.record("not done"); return }
        #expect(second.name == "spring.2.yaml" && second.bannersReused == 1 && second.bannersWritten == 0)
        #expect(try banners(results).count == 1 && manifestPaths(results) == banners(results), "the earlier job's extra banners are gone")
    }

    @Test func aJobThatKeepsStoppingTheDaemonIsSetAside() throws {
        let job = try drop("poison")
        var attempts = JobAttempts.begin(after: nil, job: try #require(FileStamp.of(job.url.path)), progress: 0)
        attempts.withoutProgress = configuration.maxAttempts
        attempts.started = configuration.maxAttempts
        try FileManager.default.createDirectory(at: configuration.stateFolder, withIntermediateDirectories: true)
        try attempts.save(configuration.attempts(for: job.entry))
        guard case .failed(let name, let failure) = runner().run(job) else { Issue.record("not failed"); return }
        #expect(name == "poison.yaml" && failure.code == .jobQuarantined && failure.attempts == configuration.maxAttempts + 1)
        let report = try JSONDecoder().decode(JobFailure.self, from: Data(contentsOf: configuration.layout.errorReport(for: name)))
        #expect(report.code == .jobQuarantined && report.message.contains("move it back into the inbox"))
        #expect(!FileManager.default.fileExists(atPath: configuration.output.appendingPathComponent("poison/manifest.jsonl").path),
                "nothing was rendered")
    }

    @Test func aNetworkFailureKeepsTheJobForAnotherTry() throws {
        let line = #"{"id": "R1", "title": "Remote Mug", "price": "5.00 USD", "image_link": "http://127.0.0.1:9/mug.png"}"#
        let job = try drop("remote", feedLines: [line])
        guard case .retry(let error, let attempts) = runner().run(job) else { Issue.record("not kept for a retry"); return }
        #expect(error.code == .imageFetchFailed && attempts.started == 1)
        #expect(FileManager.default.fileExists(atPath: job.url.path), "still claimed")
        #expect(JobAttempts.load(configuration.attempts(for: job.entry))?.lastError?.contains("image.fetch_failed") == true)
    }

    @Test func aStopRequestLeavesTheJobClaimed() throws {
        let job = try drop("stopped")
        guard case .interrupted = runner(cancelled: true).run(job) else { Issue.record("not interrupted"); return }
        #expect(FileManager.default.fileExists(atPath: job.url.path))
        #expect(!FileManager.default.fileExists(atPath: configuration.output.appendingPathComponent("stopped/manifest.jsonl").path))
        #expect(JobAttempts.load(configuration.attempts(for: job.entry)) == nil, "stopped before it began: no start counted")
    }

    @Test func aStopDuringTheJobDoesNotCountAgainstIt() throws {
        let job = try drop("paused", products: 14)
        let flag = CancellationFlag()
        let runner = JobRunner(configuration: configuration, engines: EngineCache(fonts: Fixtures.fonts),
                               claim: JobClaim(layout: configuration.layout), log: WatchLog(write: { _ in }), cancellation: flag)
        runner.onProgress = { _, progress in if progress.groupsDone >= 2 { flag.cancel() } }
        guard case .interrupted = runner.run(job) else { Issue.record("not interrupted"); return }
        let attempts = try #require(JobAttempts.load(configuration.attempts(for: job.entry)))
        #expect(attempts.started == 1 && attempts.withoutProgress == 0)
        #expect(attempts.progress == ResultFolder.journalSize(configuration.output.appendingPathComponent("paused")) && attempts.progress > 0)
    }

    @Test func aBrokenJobFailsWithItsReason() throws {
        try "feed: nowhere.csv\n".write(to: inbox.appendingPathComponent("broken.yaml"), atomically: true, encoding: .utf8)
        let job = try #require(try JobClaim(layout: configuration.layout).claim(JobEntry(name: "broken.yaml", kind: .jobFile)))
        guard case .failed(_, let failure) = runner().run(job) else { Issue.record("not failed"); return }
        #expect(failure.code == .feedMissing && failure.location?.line == 1)
    }
}
