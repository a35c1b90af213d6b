import Foundation
import Testing

/// `banneret watch` as it runs for months: killed at random moments and
/// started again, sharing its inbox with a second daemon, stopped by
/// SIGTERM, fed jobs that are broken in every way a team manages to break them.
@Suite(.serialized) struct WatchDaemonTests {
    let cli = GenerateCommandTests()
    static let root = GenerateCommandTests.root
    static let exampleLines: [String] = (try? String(contentsOf: root.appendingPathComponent("Examples/feed.jsonl"), encoding: .utf8))
        .map { $0.split(separator: "\n").map(String.init) } ?? []
    static let imageNames = ["trailrunner.png", "aurora-headphones.png", "cold-brew-bottle.png", "desk-lamp.png"]

    /// The same sequence on every run, so a failure can be replayed.
    struct SeededRandom: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// One job as dropped into the inbox, and what should become of it.
    struct Job {
        var name: String
        var outputName: String
        /// The error code a deliberately bad job must fail with; nil for a good job.
        var failure: String?
        /// `banneret generate` arguments (without --out) that render the same banners.
        var reference: [String] = []
        /// Builds the job in `staging`, whence it is renamed into the inbox in one step.
        var build: (URL) throws -> Void
        var folder = false
    }

    // MARK: Fixtures

    func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    /// `count` Examples products under new ids, with their pictures among the first four.
    func productLines(_ prefix: String, count: Int, offset: Int) -> [String] {
        (0 ..< count).map { index in
            let line = Self.exampleLines[(offset + index) % 4]
            return line.replacingOccurrences(of: "\"id\": \"", with: "\"id\": \"\(prefix)-")
        }
    }

    /// Shared inputs beside the inbox: pictures, the feeds job files name, and reference copies.
    func makeWorld() throws -> (root: URL, inbox: URL, out: URL, assets: URL, staging: URL) {
        let root = cli.temporary()
        let inbox = root.appendingPathComponent("inbox"), out = root.appendingPathComponent("out")
        let assets = root.appendingPathComponent("assets"), staging = root.appendingPathComponent("staging")
        for folder in [inbox, out, staging] { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) }
        let images = Self.root.appendingPathComponent("Examples/images")
        try FileManager.default.createDirectory(at: assets, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: images, to: assets.appendingPathComponent("images"))
        // Bare feeds' pictures stay in the inbox, where the feed was dropped.
        try FileManager.default.copyItem(at: images, to: inbox.appendingPathComponent("images"))
        return (root, inbox, out, assets, staging)
    }

    static let daemonSizes = "300x250,728x90"
    static let contradictoryTemplate = """
    name: contradictory
    elements:
      headline: { kind: text, bind: title, font: display, size: [10, 40] }
    size_classes:
      rectangle:
        constraints:
          - headline.left == canvas.left + 10
          - headline.top == canvas.top + 10
          - headline.width == 100 !required
          - headline.width == 200 !required
    """

    /// `good` small jobs of every kind, mixed sizes and formats, and the four bad ones.
    func makeJobs(good: Int, assets: URL, random: inout SeededRandom) -> [Job] {
        let sizeChoices = ["300x250", "728x90", "160x600", "1200x628"]
        let formats = ["png", "jpeg", "webp"]
        var jobs: [Job] = []
        for index in 0 ..< good {
            let products = Int.random(in: 1 ... 3, using: &random)
            let lines = productLines("J\(index)", count: products, offset: index)
            let feedText = lines.joined(separator: "\n") + "\n"
            let sizes = Array(sizeChoices.shuffled(using: &random).prefix(Int.random(in: 1 ... 3, using: &random)))
            let format = formats[index % formats.count]
            let options = "sizes: [\(sizes.joined(separator: ", "))]\nformat: \(format)\n"
            let referenceFeed = assets.appendingPathComponent("job\(index).jsonl")
            switch index % 3 {
            case 0:
                let name = "feed\(index).jsonl"
                jobs.append(Job(name: name, outputName: "feed\(index)",
                                reference: ["--feed", referenceFeed.path, "--sizes", Self.daemonSizes, "--format", "png"],
                                build: { staging in
                                    try write(feedText, to: referenceFeed)
                                    try write(feedText, to: staging.appendingPathComponent(name))
                                }))
            case 1:
                let name = "job\(index).yaml"
                jobs.append(Job(name: name, outputName: "job\(index)",
                                reference: ["--feed", referenceFeed.path, "--sizes", sizes.joined(separator: ","), "--format", format],
                                build: { staging in
                                    try write(feedText, to: referenceFeed)
                                    try write("feed: ../assets/job\(index).jsonl\n" + options, to: staging.appendingPathComponent(name))
                                }))
            default:
                let name = "folder\(index)"
                jobs.append(Job(name: name, outputName: name,
                                reference: ["--feed", referenceFeed.path, "--sizes", sizes.joined(separator: ","), "--format", format],
                                build: { staging in
                                    try write(feedText, to: referenceFeed)
                                    let folder = staging.appendingPathComponent(name)
                                    try write(feedText, to: folder.appendingPathComponent("feed.jsonl"))
                                    try FileManager.default.createDirectory(at: folder.appendingPathComponent("images"),
                                                                            withIntermediateDirectories: true)
                                    for image in Self.imageNames {
                                        try FileManager.default.copyItem(at: assets.appendingPathComponent("images/\(image)"),
                                                                         to: folder.appendingPathComponent("images/\(image)"))
                                    }
                                    try write("# products for spring\nfeed: feed.jsonl\n" + options, to: folder.appendingPathComponent("job.yaml"))
                                }, folder: true))
            }
        }
        jobs.append(Job(name: "badyaml.yaml", outputName: "badyaml", failure: "job.invalid", build: { staging in
            try write("feed: ../assets/job0.jsonl\nsizes: [300x250\nformat: png\n", to: staging.appendingPathComponent("badyaml.yaml"))
        }))
        jobs.append(Job(name: "missingfeed.yaml", outputName: "missingfeed", failure: "feed.missing", build: { staging in
            try write("sizes: [300x250]\nfeed: ../assets/nowhere.jsonl\n", to: staging.appendingPathComponent("missingfeed.yaml"))
        }))
        jobs.append(Job(name: "badimage", outputName: "badimage", failure: "image.corrupt", build: { staging in
            let folder = staging.appendingPathComponent("badimage")
            let picture = try Data(contentsOf: assets.appendingPathComponent("images/ceramic-mug.png"))
            try FileManager.default.createDirectory(at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
            try picture.prefix(200).write(to: folder.appendingPathComponent("images/mug.png"))   // cut short: unreadable
            try write(#"{"id": "BAD-1", "title": "Broken Mug", "price": "5.00 USD", "image_link": "images/mug.png"}"# + "\n",
                      to: folder.appendingPathComponent("feed.jsonl"))
            try write("feed: feed.jsonl\nsizes: [300x250]\n", to: folder.appendingPathComponent("job.yaml"))
        }, folder: true))
        jobs.append(Job(name: "unsat", outputName: "unsat", failure: "layout.unsatisfiable", build: { staging in
            let folder = staging.appendingPathComponent("unsat")
            try write(Self.contradictoryTemplate, to: folder.appendingPathComponent("contradictory.yaml"))
            try write(#"{"id": "U-1", "title": "Unplaceable", "price": "5.00 USD"}"# + "\n", to: folder.appendingPathComponent("feed.jsonl"))
            try write("feed: feed.jsonl\ntemplates: contradictory.yaml\nsizes: [300x250]\n", to: folder.appendingPathComponent("job.yaml"))
        }, folder: true))
        return jobs
    }

    /// Builds the job outside the inbox and renames it in: the way uploads should arrive.
    func drop(_ job: Job, staging: URL, inbox: URL, marker: Bool) throws {
        try job.build(staging)
        try FileManager.default.moveItem(at: staging.appendingPathComponent(job.name), to: inbox.appendingPathComponent(job.name))
        if marker { try Data().write(to: inbox.appendingPathComponent(job.name + ".ready")) }
    }

    // MARK: Processes

    func daemonArguments(_ inbox: URL, _ out: URL, _ extra: [String]) -> [String] {
        ["watch", inbox.path, "--out", out.path, "--brand", Self.root.appendingPathComponent("Examples/brand.yaml").path,
         "--templates", Self.root.appendingPathComponent("Templates/stock-hero.yaml").path, "--jobs", "2", "--sizes", Self.daemonSizes,
         // Jobs name feeds in the world's assets folder, beside the inbox.
         "--allow-path", inbox.deletingLastPathComponent().path] + extra
    }

    func start(_ arguments: [String], log: URL, environment: [String: String] = [:]) throws -> Process {
        if !FileManager.default.fileExists(atPath: log.path) { try Data().write(to: log) }
        let handle = try FileHandle(forWritingTo: log)
        handle.seekToEndOfFile()
        let process = Process()
        process.executableURL = GenerateCommandTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = Self.root
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = handle
        try process.run()
        try handle.close()
        return process
    }

    /// Polls until `condition` holds; false after `timeout` seconds (generous: CI machines are slow).
    func eventually(timeout: TimeInterval = 120, _ condition: () throws -> Bool) rethrows -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if try condition() { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return try condition()
    }

    /// The log's events from byte `offset` on (one daemon's life, when it is where that life began).
    func events(_ log: URL, from offset: Int = 0) -> [[String: Any]] {
        let data = (try? Data(contentsOf: log)) ?? Data()
        let text = String(decoding: data.dropFirst(offset), as: UTF8.self)
        return text.split(separator: "\n").compactMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
    }

    func names(_ folder: URL) -> Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") })
    }

    func banners(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where ["png", "jpg", "webp"].contains((name as NSString).pathExtension) {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

    /// The manifest's entries' paths; every line must parse.
    func manifestPaths(_ folder: URL) throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent("manifest.jsonl"), encoding: .utf8).split(separator: "\n").map {
            let object = try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
            return try #require(object["path"] as? String)
        }
    }

    /// Every file anywhere below `folder` whose name says it is a temp file or was left half-written.
    func leftovers(_ folder: URL) -> [String] {
        let walker = FileManager.default.enumerator(atPath: folder.path)
        var found: [String] = []
        while let path = walker?.nextObject() as? String {
            let name = (path as NSString).lastPathComponent
            if name.hasSuffix(".tmp") || name.hasSuffix(".ready") { found.append(path) }
        }
        return found
    }

    // MARK: Tests

    /// Kills the daemon with SIGKILL at random moments while jobs flow through,
    /// starting it again each time, then checks that nothing was lost, doubled
    /// or left half-written. BANNERET_SOAK=1 runs a much longer version.
    @Test func survivesBeingKilledAtRandomMoments() throws {
        let soak = ProcessInfo.processInfo.environment["BANNERET_SOAK"] == "1"
        let killCount = soak ? 400 : 50
        var random = SeededRandom(state: soak ? UInt64(Date().timeIntervalSince1970) : 20_240_611)
        let world = try makeWorld()
        let jobs = makeJobs(good: soak ? 56 : 16, assets: world.assets, random: &random).shuffled(using: &random)
        let arguments = daemonArguments(world.inbox, world.out, ["--settle", "0.3", "--rescan", "1", "--chunk", "1",
                                                                 // Kills can land before a job finishes its first product several times running;
                                                                 // quarantine is tested on its own (JobRunnerTests).
                                                                 "--max-attempts", "25"])
        let log = world.root.appendingPathComponent("daemon.log")
        let started = Date()
        var dropped = 0, kills = 0, killsMidJob = 0
        // Jobs arrive over the first 90 % of the kills, so the daemon is busy when most of them land.
        let arrivalSpan = killCount * 9 / 10
        for cycle in 0 ..< killCount {
            while dropped < min(jobs.count, (cycle + 1) * jobs.count / arrivalSpan + 1) {
                try drop(jobs[dropped], staging: world.staging, inbox: world.inbox, marker: dropped % 2 == 0)
                dropped += 1
            }
            let insideAJob = Bool.random(using: &random)
            let pending = names(world.inbox).subtracting(["images"]).filter { !$0.hasSuffix(".ready") }
            if insideAJob, pending.isEmpty, names(world.inbox.appendingPathComponent(".processing")).isEmpty, dropped < jobs.count {
                // Nothing to be inside of: the next job arrives a little early.
                try drop(jobs[dropped], staging: world.staging, inbox: world.inbox, marker: true)
                dropped += 1
            }
            let offset = (try? FileManager.default.attributesOfItem(atPath: log.path)[.size] as? Int) ?? 0
            let daemon = try start(arguments, log: log)
            if !insideAJob {
                // Any moment of its life: starting, scanning, claiming, taking over, idling.
                Thread.sleep(forTimeInterval: Double.random(in: 0.02 ... 0.6, using: &random))
            } else {
                // A moment inside a job: rendering, journalling, publishing, moving it on.
                let extra = Double.random(in: 0 ... 0.08, using: &random)
                _ = eventually(timeout: 2) { events(log, from: offset).contains { $0["event"] as? String == "job.started" } }
                Thread.sleep(forTimeInterval: extra)
            }
            #expect(daemon.isRunning, "the daemon must not stop by itself (cycle \(cycle))")
            kill(daemon.processIdentifier, SIGKILL)
            daemon.waitUntilExit()
            kills += 1
            // Killed inside a job: its last start has no end.
            let lives = events(log, from: offset).compactMap { $0["event"] as? String }
            if let start = lives.lastIndex(of: "job.started"),
               !lives[start...].contains(where: { ["job.done", "job.failed", "job.retry"].contains($0) }) {
                killsMidJob += 1
            }
        }
        for job in jobs[dropped...] { try drop(job, staging: world.staging, inbox: world.inbox, marker: false) }
        let finish = try cli.run(arguments + ["--once"])
        #expect(finish.status == 0, "\(finish.stderr.suffix(2_000))")
        print("chaos: \(kills) SIGKILLs (\(killsMidJob) with a job in progress), \(jobs.count) jobs, \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
        #expect(kills >= 50)
        #expect(killsMidJob >= 10, "kills must land inside jobs, not only between them")

        let layout = (done: world.inbox.appendingPathComponent(".done"), failed: world.inbox.appendingPathComponent(".failed"))
        #expect(names(world.inbox.appendingPathComponent(".processing")).isEmpty, "nothing is left claimed")
        #expect(names(layout.done) == Set(jobs.filter { $0.failure == nil }.map(\.name)), "every good job is done, once")
        #expect(names(layout.failed) == Set(jobs.filter { $0.failure != nil }.flatMap { [$0.name, $0.name + ".error.json"] }))
        for job in jobs where job.failure != nil {
            let report = try JSONSerialization.jsonObject(with: Data(contentsOf: layout.failed.appendingPathComponent(job.name + ".error.json"))) as? [String: Any]
            #expect(report?["code"] as? String == job.failure, "\(job.name): \(report ?? [:])")
            #expect((report?["message"] as? String)?.isEmpty == false)
        }
        #expect(leftovers(world.inbox).isEmpty && leftovers(world.out).isEmpty, "\(leftovers(world.inbox) + leftovers(world.out))")

        // Every job's results against a batch run of the same inputs, byte for byte.
        let reference = world.root.appendingPathComponent("reference")
        for job in jobs where job.failure == nil {
            let results = world.out.appendingPathComponent(job.outputName)
            let expected = reference.appendingPathComponent(job.outputName)
            let batch = try cli.run(["generate"] + job.reference + ["--out", expected.path, "--jobs", "2", "--quiet"])
            #expect(batch.status == 0, "\(job.name): \(batch.stderr)")
            let made = try banners(in: results)
            let batchMade = try banners(in: expected)
            #expect(!made.isEmpty && made == batchMade, "\(job.name) differs from a batch run")
            let listed = try manifestPaths(results)
            #expect(listed.count == Set(listed).count && Set(listed) == Set(made.keys), "\(job.name): the manifest lists exactly the files")
        }
        // Bad jobs that got as far as rendering have honest manifests too.
        for job in jobs where job.failure != nil {
            let results = world.out.appendingPathComponent(job.outputName)
            guard FileManager.default.fileExists(atPath: results.appendingPathComponent("manifest.jsonl").path) else { continue }
            #expect(Set(try manifestPaths(results)) == Set(try banners(in: results).keys))
        }
    }

    @Test func twoDaemonsOnOneInboxNeverRunAJobTwice() throws {
        var random = SeededRandom(state: 7)
        let world = try makeWorld()
        let jobs = makeJobs(good: 12, assets: world.assets, random: &random).filter { $0.failure == nil }
        for job in jobs { try drop(job, staging: world.staging, inbox: world.inbox, marker: false) }
        let logs = [world.root.appendingPathComponent("a.log"), world.root.appendingPathComponent("b.log")]
        let daemons = try logs.map { try start(daemonArguments(world.inbox, world.out, ["--settle", "0", "--jobs", "1"]), log: $0) }
        let done = world.inbox.appendingPathComponent(".done")
        #expect(eventually { names(done).count >= jobs.count }, "every job finishes")
        for daemon in daemons { daemon.terminate() }
        for daemon in daemons { daemon.waitUntilExit() }
        #expect(daemons.map(\.terminationStatus) == [0, 0])
        #expect(names(done) == Set(jobs.map(\.name)), "each job done exactly once, none under a second name")
        var starts: [String: Int] = [:]
        var perDaemon: [Int] = []
        for log in logs {
            let started = events(log).filter { $0["event"] as? String == "job.started" }.compactMap { $0["job"] as? String }
            perDaemon.append(started.count)
            for name in started { starts[name, default: 0] += 1 }
        }
        #expect(starts == Dictionary(uniqueKeysWithValues: jobs.map { ($0.name, 1) }), "started once, by one daemon: \(starts)")
        print("two daemons: jobs started per daemon \(perDaemon)")
    }

    @Test func sigtermDrainsExitsZeroAndTheJobResumes() throws {
        let world = try makeWorld()
        let lines = (0 ..< 5).flatMap { copy in
            Self.exampleLines.map { $0.replacingOccurrences(of: "\"id\": \"", with: "\"id\": \"D\(copy)-") }
        }
        try write(lines.joined(separator: "\n") + "\n", to: world.inbox.appendingPathComponent("big.jsonl"))
        let arguments = daemonArguments(world.inbox, world.out, ["--settle", "0", "--sizes", "300x250,1200x628"])
        let log = world.root.appendingPathComponent("daemon.log")
        let daemon = try start(arguments, log: log)
        let results = world.out.appendingPathComponent("big")
        #expect(eventually { ((try? banners(in: results).count) ?? 0) >= 4 }, "the job gets going")
        let asked = Date()
        daemon.terminate()
        daemon.waitUntilExit()
        let took = Date().timeIntervalSince(asked)
        #expect(daemon.terminationStatus == 0 && daemon.terminationReason == .exit)
        #expect(took < 5, "stopped \(took) s after SIGTERM")
        #expect(names(world.inbox.appendingPathComponent(".processing")).count == 1, "the job stays claimed")
        #expect(!FileManager.default.fileExists(atPath: results.appendingPathComponent("manifest.jsonl").path))
        #expect(leftovers(world.out).isEmpty)
        var before: [String: Date] = [:]
        for name in try banners(in: results).keys {
            before[name] = try FileManager.default.attributesOfItem(atPath: results.appendingPathComponent(name).path)[.modificationDate] as? Date
        }
        #expect(before.count < lines.count * 2, "SIGTERM arrived with work left to do")
        #expect(events(log).contains { $0["event"] as? String == "job.interrupted" })

        let finish = try cli.run(arguments + ["--once"])
        #expect(finish.status == 0, "\(finish.stderr.suffix(2_000))")
        #expect(names(world.inbox.appendingPathComponent(".done")) == ["big.jsonl"])
        let listed = try manifestPaths(results)
        let present = try banners(in: results)
        #expect(listed.count == lines.count * 2 && Set(listed) == Set(present.keys))
        for (name, date) in before {
            let now = try FileManager.default.attributesOfItem(atPath: results.appendingPathComponent(name).path)[.modificationDate] as? Date
            #expect(now == date, "\(name) was written again")
        }
    }

    @Test func badJobsFailWithAReasonWhileTheNextRuns() throws {
        var random = SeededRandom(state: 3)
        let world = try makeWorld()
        let jobs = makeJobs(good: 2, assets: world.assets, random: &random)
        for job in jobs { try drop(job, staging: world.staging, inbox: world.inbox, marker: false) }
        let run = try cli.run(daemonArguments(world.inbox, world.out, ["--settle", "0", "--once"]))
        #expect(run.status == 0, "bad jobs are the jobs' failures, not the daemon's: \(run.stderr.suffix(2_000))")
        let failed = world.inbox.appendingPathComponent(".failed")
        var reports: [String: [String: Any]] = [:]
        for job in jobs where job.failure != nil {
            let data = try Data(contentsOf: failed.appendingPathComponent(job.name + ".error.json"))
            reports[job.name] = try JSONSerialization.jsonObject(with: data) as? [String: Any]
            #expect(reports[job.name]?["code"] as? String == job.failure, "\(job.name)")
            #expect(FileManager.default.fileExists(atPath: failed.appendingPathComponent(job.name).path))
        }
        let yaml = reports["badyaml.yaml"]?["location"] as? [String: Any]
        #expect(yaml?["file"] as? String == failed.appendingPathComponent("badyaml.yaml").path && (yaml?["line"] as? Int ?? 0) >= 2,
                "a YAML error points into the job where it now is: \(yaml ?? [:])")
        #expect((reports["missingfeed.yaml"]?["message"] as? String)?.contains("nowhere.jsonl") == true)
        #expect((reports["missingfeed.yaml"]?["location"] as? [String: Any])?["line"] as? Int == 2)
        #expect((reports["badimage"]?["message"] as? String)?.contains("BAD-1") == true)
        #expect((reports["unsat"]?["message"] as? String)?.contains("headline.width == 200") == true)
        #expect(names(world.inbox.appendingPathComponent(".done")) == Set(jobs.filter { $0.failure == nil }.map(\.name)))

        let status = try statusJSON(world.inbox)
        #expect(status["done_count"] as? Int == 2)
        #expect((status["failed"] as? [[String: Any]])?.compactMap { $0["code"] as? String }.sorted()
                == jobs.compactMap(\.failure).sorted())
        #expect((status["queue"] as? [Any])?.isEmpty == true && (status["processing"] as? [Any])?.isEmpty == true)
    }

    func statusJSON(_ inbox: URL) throws -> [String: Any] {
        let process = Process()
        process.executableURL = GenerateCommandTests.binary
        process.arguments = ["watch", inbox.path, "--status", "--json"]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func systemdHearsReadyAndStoppingAndSighupReloads() throws {
        let world = try makeWorld()
        let socketPath = world.root.appendingPathComponent("notify").path
        let listener = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
        defer { close(listener) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(socketPath.utf8) + [0]) }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(listener, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        try #require(bound == 0)
        var timeout = timeval(tv_sec: 60, tv_usec: 0)
        setsockopt(listener, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        func receive() -> String {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(listener, &buffer, buffer.count, 0)
            return count > 0 ? String(decoding: buffer[0 ..< count], as: UTF8.self) : ""
        }

        let log = world.root.appendingPathComponent("daemon.log")
        let daemon = try start(daemonArguments(world.inbox, world.out, ["--settle", "0"]), log: log,
                               environment: ["NOTIFY_SOCKET": socketPath])
        #expect(receive().hasPrefix("READY=1\n"))
        let done = world.inbox.appendingPathComponent(".done")
        try write(productLines("H", count: 1, offset: 0)[0] + "\n", to: world.inbox.appendingPathComponent("first.jsonl"))
        #expect(eventually { names(done) == ["first.jsonl"] })
        try write(productLines("I", count: 1, offset: 1)[0] + "\n", to: world.inbox.appendingPathComponent("second.jsonl"))
        #expect(eventually { names(done).count == 2 })
        #expect(events(log).filter { $0["event"] as? String == "engine.loaded" }.count == 1, "the second job reused the engine")
        kill(daemon.processIdentifier, SIGHUP)
        #expect(eventually { events(log).contains { $0["event"] as? String == "daemon.reloaded" } })
        try write(productLines("J", count: 1, offset: 2)[0] + "\n", to: world.inbox.appendingPathComponent("third.jsonl"))
        #expect(eventually { names(done).count == 3 })
        #expect(events(log).filter { $0["event"] as? String == "engine.loaded" }.count == 2, "after SIGHUP the brand and templates were loaded again")
        daemon.terminate()
        var messages: [String] = []
        while !messages.contains(where: { $0.hasPrefix("STOPPING=1") }) {
            let message = receive()
            if message.isEmpty { break }
            messages.append(message)
        }
        daemon.waitUntilExit()
        #expect(messages.contains { $0.hasPrefix("STOPPING=1") }, "\(messages)")
        #expect(daemon.terminationStatus == 0)
    }
}
