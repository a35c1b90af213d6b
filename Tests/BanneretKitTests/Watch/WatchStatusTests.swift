import Foundation
import Testing
@testable import BanneretKit

@Suite struct WatchStatusTests {
    let layout = InboxLayout(inbox: Fixtures.temporaryDirectory("status"))
    let output = Fixtures.temporaryDirectory("status-out")

    @Test func readsEveryStateFromTheFolders() throws {
        try layout.prepare()
        try Data("x".utf8).write(to: layout.inbox.appendingPathComponent("new.csv"))
        try Data("x".utf8).write(to: layout.inbox.appendingPathComponent("marked.csv"))
        try Data().write(to: layout.inbox.appendingPathComponent("marked.csv.ready"))
        let owner = JobOwner(host: TemporaryFiles.host, pid: getpid())
        let running = layout.processing.appendingPathComponent(owner.claimName(for: "running.yaml"))
        try Data("feed: x".utf8).write(to: running)
        let entry = JobEntry(name: "running.yaml", kind: .jobFile)
        try FileManager.default.createDirectory(at: WatchConfiguration.stateFolder(in: output), withIntermediateDirectories: true)
        try JobAttempts.begin(after: nil, job: try #require(FileStamp.of(running.path)), progress: 0)
            .save(WatchConfiguration.attempts(for: entry, in: output))
        try Data("x".utf8).write(to: layout.done.appendingPathComponent("old.csv"))
        try Data("x".utf8).write(to: layout.failed.appendingPathComponent("bad.yaml"))
        try JobFailure(job: "bad.yaml", error: BanneretError(.jobInvalid, "unknown key"), attempts: 1)
            .encoded().write(to: layout.errorReport(for: "bad.yaml"))

        let status = WatchStatus.read(layout: layout, output: output, settle: 3_600)
        #expect(status.queue.map(\.name) == ["marked.csv", "new.csv"])
        #expect(status.queue.map(\.ready) == [true, false], "only the marked one is ready within an hour's settle time")
        #expect(status.processing.count == 1)
        #expect(status.processing.first?.name == "running.yaml" && status.processing.first?.owner == owner)
        #expect(status.processing.first?.ownerState == .alive && status.processing.first?.attempts == 1)
        #expect(status.doneCount == 1 && status.recentlyDone == ["old.csv"])
        #expect(status.failed == [WatchStatus.Failed(name: "bad.yaml", code: "job.invalid", message: "unknown key", attempts: 1)])
        let text = status.text
        #expect(text.contains("queue: 2") && text.contains("in progress: 1") && text.contains("done: 1") && text.contains("[job.invalid] unknown key"))
        let json = try JSONEncoder().encode(status)
        #expect(try JSONDecoder().decode(WatchStatus.self, from: json) == status)
    }
}
