import Foundation
import Testing

/// Runs as job engines drive them: sharded across processes, killed and
/// started again, stopped by a signal.
@Suite(.serialized) struct BatchRunTests {
    let cli = GenerateCommandTests()

    /// A feed big enough that a run takes a few seconds: the Examples products repeated under new ids.
    func bigFeed(copies: Int) throws -> URL {
        let folder = cli.temporary()
        try FileManager.default.copyItem(at: GenerateCommandTests.root.appendingPathComponent("Examples/images"),
                                         to: folder.appendingPathComponent("images"))
        let lines = try String(contentsOf: GenerateCommandTests.root.appendingPathComponent("Examples/feed.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        var text = ""
        for copy in 0 ..< copies {
            for line in lines { text += line.replacingOccurrences(of: "\"id\": \"", with: "\"id\": \"C\(copy)-") + "\n" }
        }
        let url = folder.appendingPathComponent("feed.jsonl")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func banners(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".jpg") {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

    func manifestIDs(_ url: URL) throws -> [String] {
        try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            (try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any])["id"] as! String
        }
    }

    func start(_ arguments: [String]) throws -> Process {
        let process = Process()
        process.executableURL = GenerateCommandTests.binary
        process.arguments = withStockTemplate(arguments)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    @Test func fourShardsInParallelMakeExactlyTheUnshardedFiles() throws {
        let feed = try bigFeed(copies: 3)
        let whole = cli.temporary(), sharded = cli.temporary()
        let common = ["generate", "--feed", feed.path, "--format", "jpeg", "--sizes", "300x250,728x90", "--jobs", "1", "--quiet"]
        #expect(try cli.run(common + ["--out", whole.path]).status == 0)
        let shards = try (0 ..< 4).map { try start(common + ["--out", sharded.path, "--shard", "\($0)/4"]) }
        shards.forEach { $0.waitUntilExit() }
        #expect(shards.allSatisfy { $0.terminationStatus == 0 })
        let merged = try cli.run(["merge", sharded.path])
        #expect(merged.status == 0, "\(merged.stderr)")
        #expect(try banners(in: sharded) == banners(in: whole), "the same files, byte for byte")
        let a = try manifestIDs(whole.appendingPathComponent("manifest.jsonl"))
        let b = try manifestIDs(sharded.appendingPathComponent("manifest.jsonl"))
        #expect(a.count == 14 * 3 * 2 && Set(a) == Set(b) && b.count == Set(b).count)
        // Merging with a shard missing is refused, and says it may pass later.
        try FileManager.default.removeItem(at: sharded.appendingPathComponent("manifest-00002-of-00004.jsonl"))
        let incomplete = try cli.run(["merge", sharded.path])
        #expect(incomplete.status == 75 && incomplete.stderr.contains("1 of 4 shards"))
    }

    @Test func killedRunsResumeWithoutRedoingFinishedBanners() throws {
        let feed = try bigFeed(copies: 8)
        let out = cli.temporary()
        // Small chunks, so kills land between journalled chunks as well as inside them.
        let arguments = ["generate", "--feed", feed.path, "--format", "jpeg", "--out", out.path, "--jobs", "2", "--quiet",
                         "--chunk", "4"]
        var kills = 0
        var finishedBefore: [String: Date] = [:]
        for delay in [0.6, 0.9, 1.2] {
            let process = try start(arguments)
            Thread.sleep(forTimeInterval: delay)
            guard process.isRunning else { break }
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            kills += 1
            for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name.hasSuffix(".jpg") && finishedBefore[name] == nil {
                finishedBefore[name] = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.modificationDate] as? Date
            }
        }
        #expect(kills >= 1, "the run must be killed at least once to test anything")
        let finish = try cli.run(arguments)
        #expect(finish.status == 0, "\(finish.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!names.contains { $0.hasSuffix(".tmp") }, "no temporary or partial file is left")
        let ids = try manifestIDs(out.appendingPathComponent("manifest.jsonl"))
        #expect(ids.count == 14 * 8 * 5 && Set(ids).count == ids.count, "complete and without duplicates")
        #expect(Set(names.filter { $0.hasSuffix(".jpg") }) == Set(ids.map { $0 + ".jpg" }), "the manifest lists exactly the files")
        for (name, date) in finishedBefore {
            let now = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(name).path)[.modificationDate] as? Date
            #expect(now == date, "\(name) was written again")
        }
        // A third run has nothing to do.
        let again = try cli.run(arguments + ["--jobs", "1"])
        #expect(again.status == 0)
        let journal = try String(contentsOf: out.appendingPathComponent(".banneret/groups.jsonl"), encoding: .utf8)
        #expect(journal.split(separator: "\n").count == 14 * 8 * 5, "one journal line per product and size, compacted")
        #expect(try manifestIDs(out.appendingPathComponent("manifest.jsonl")) == ids, "the same manifest, in the same order")
    }

    @Test func sigtermStopsCleanlyAndAsksForARetry() throws {
        let feed = try bigFeed(copies: 8)
        let out = cli.temporary()
        let process = try start(["generate", "--feed", feed.path, "--out", out.path, "--quiet"])
        Thread.sleep(forTimeInterval: 1.0)
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationStatus == 75)
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(!names.contains("manifest.jsonl"), "an unfinished run publishes no manifest")
        #expect(!names.contains { $0.hasSuffix(".tmp") })
    }
}
