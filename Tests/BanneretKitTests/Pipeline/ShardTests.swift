import Foundation
import Testing
@testable import BanneretKit

@Suite struct ShardTests {
    @Test func parsesFlagsAndEngineEnvironments() throws {
        #expect(try Shard(parsing: "3/16") == Shard(index: 3, count: 16))
        #expect(throws: BanneretError.self) { try Shard(parsing: "16/16") }
        #expect(throws: BanneretError.self) { try Shard(parsing: "three") }
        #expect(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "2"], countOverride: 4) == Shard(index: 2, count: 4))
        #expect(try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "2", "BANNERET_SHARD_COUNT": "5"]) == Shard(index: 2, count: 5))
        #expect(try Shard.fromEnvironment(["AWS_BATCH_JOB_ARRAY_INDEX": "7", "AWS_BATCH_JOB_ARRAY_SIZE": "8"]) == Shard(index: 7, count: 8))
        #expect(try Shard.fromEnvironment(["CLOUD_RUN_TASK_INDEX": "0", "CLOUD_RUN_TASK_COUNT": "3"]) == Shard(index: 0, count: 3))
        #expect(try Shard.fromEnvironment([:]) == nil)
        do {
            _ = try Shard.fromEnvironment(["JOB_COMPLETION_INDEX": "1"])
            Issue.record("an index without a count must be refused")
        } catch {
            #expect((error as? BanneretError)?.message.contains("--shard-count") == true)
        }
        #expect(try Shard(index: 3, count: 16).fileSuffix == "-00003-of-00016")
    }

    @Test func everyProductBelongsToExactlyOneShardStably() throws {
        let shards = try (0 ..< 4).map { try Shard(index: $0, count: 4) }
        var perShard = [0, 0, 0, 0]
        for number in 0 ..< 4_000 {
            let owners = shards.filter { $0.owns(productID: "SKU-\(number)") }
            #expect(owners.count == 1)
            perShard[owners[0].index] += 1
        }
        #expect(perShard.allSatisfy { $0 > 850 && $0 < 1_150 }, "\(perShard): roughly even")
        #expect(try Shard(index: 1, count: 4).owns(productID: "HB-1001") == Shard(index: 1, count: 4).owns(productID: "HB-1001"))
    }
}

@Suite struct OutputJournalTests {
    @Test func aTornLastLineIsCutAndTheRestKept() throws {
        let url = Fixtures.temporaryDirectory().appendingPathComponent("groups.jsonl")
        let entry = ManifestEntry(id: "a", productID: "p", template: "t", size: "300x250", format: "png", path: "a.png",
                                  bytes: 1, variant: [:], scores: [:], metrics: [:], text: [], renderMS: 0, warnings: [])
        do {
            let journal = try OutputJournal(url: url)
            try journal.record("k1", entries: [entry])
            try journal.record("k2", entries: [entry, entry])
            try journal.flush()
        }
        // A crash in the middle of the next append.
        let handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("k3\t[{\"id\":".utf8))
        try handle.close()
        let reopened = try OutputJournal(url: url)
        #expect(reopened.count == 2)
        #expect(reopened.entries(for: "k2")?.count == 2 && reopened.entries(for: "k3") == nil)
        try reopened.record("k3", entries: [entry])
        try reopened.flush()
        #expect(try OutputJournal(url: url).entries(for: "k3")?.first?.id == "a", "appends after the cut line")
        try reopened.compact(keeping: ["k3"])
        #expect(try OutputJournal(url: url).count == 1)
    }

    @Test func staleTemporaryFilesOfDeadRunsAreSwept() throws {
        let folder = Fixtures.temporaryDirectory()
        let dead = ".a.png.\(TemporaryFiles.host).999999.1.tmp"     // no such process
        let live = ".b.png.\(TemporaryFiles.host).\(getpid()).2.tmp"
        let otherHostFresh = ".c.png.otherhost.1.3.tmp"
        let otherHostOld = ".d.png.otherhost.1.4.tmp"
        for name in [dead, live, otherHostFresh, otherHostOld, "keep.png"] {
            try Data([1]).write(to: folder.appendingPathComponent(name))
        }
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7_200)],
                                              ofItemAtPath: folder.appendingPathComponent(otherHostOld).path)
        #expect(TemporaryFiles.sweep(folder) == 2)
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == [live, otherHostFresh, "keep.png"])
    }
}
