import Foundation
import Testing
@testable import BanneretKit

@Suite struct JobClaimTests {
    let layout = InboxLayout(inbox: Fixtures.temporaryDirectory("claim"))
    let me = JobOwner(host: TemporaryFiles.host, pid: getpid())

    init() throws {
        try layout.prepare()
    }

    func drop(_ name: String) throws {
        try Data("feed".utf8).write(to: layout.inbox.appendingPathComponent(name))
    }

    func exists(_ url: URL) -> Bool { FileManager.default.fileExists(atPath: url.path) }

    @Test func aClaimIsARenameIntoProcessingUnderTheOwnersName() throws {
        try drop("a.csv")
        try drop("a.csv.ready")
        let job = try #require(try JobClaim(layout: layout, owner: me).claim(JobEntry(name: "a.csv", kind: .feed)))
        #expect(job.url == layout.processing.appendingPathComponent("a.csv@\(me.host)@\(me.pid)"))
        #expect(exists(job.url) && !exists(layout.inbox.appendingPathComponent("a.csv")))
        #expect(!exists(layout.inbox.appendingPathComponent("a.csv.ready")), "the marker is consumed")
        let again = try JobClaim(layout: layout, owner: JobOwner(host: me.host, pid: me.pid + 1)).claim(JobEntry(name: "a.csv", kind: .feed))
        #expect(again == nil, "a second daemon finds it gone")
    }

    @Test func aClaimNeverReplacesAJobAlreadyThere() throws {
        try drop("a.csv")
        let earlier = layout.processing.appendingPathComponent(me.claimName(for: "a.csv"))
        try Data("earlier".utf8).write(to: earlier)
        #expect(try JobClaim(layout: layout, owner: me).claim(JobEntry(name: "a.csv", kind: .feed)) == nil)
        #expect(try String(contentsOf: earlier, encoding: .utf8) == "earlier")
        #expect(exists(layout.inbox.appendingPathComponent("a.csv")), "the new job waits in the inbox")
    }

    @Test func deadOwnersJobsAreListedAndTakenOverOnce() throws {
        let dead = JobOwner(host: me.host, pid: Int32.max - 7)
        try Data("x".utf8).write(to: layout.processing.appendingPathComponent(dead.claimName(for: "b.csv")))
        try Data("x".utf8).write(to: layout.processing.appendingPathComponent(me.claimName(for: "c.csv")))
        try Data("x".utf8).write(to: layout.processing.appendingPathComponent("stray-file"))
        let claim = JobClaim(layout: layout, owner: me)
        let held = claim.held(liveness: OwnerLiveness(held: [me.claimName(for: "c.csv")]))
        #expect(held.map(\.job.entry.name) == ["b.csv", "c.csv"])
        #expect(held.map(\.state) == [.dead, .current])
        let taken = try #require(try claim.takeOver(held[0].job))
        #expect(taken.owner == me && exists(taken.url) && !exists(held[0].job.url))
        #expect(try JobClaim(layout: layout, owner: JobOwner(host: me.host, pid: 3)).takeOver(held[0].job) == nil)
    }

    @Test func finishedJobsMoveToDoneUnderAFreeName() throws {
        let claim = JobClaim(layout: layout, owner: me)
        for expected in ["a.csv", "a.2.csv", "a.3.csv"] {
            try drop("a.csv")
            let job = try #require(try claim.claim(JobEntry(name: "a.csv", kind: .feed)))
            #expect(try claim.complete(job) == expected)
            #expect(exists(layout.done.appendingPathComponent(expected)) && !exists(job.url))
        }
    }

    @Test func failedJobsGetTheirReportFirstWithPathsPointingAtTheirNewPlace() throws {
        let folder = layout.inbox.appendingPathComponent("spring")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let claim = JobClaim(layout: layout, owner: me)
        let job = try #require(try claim.claim(JobEntry(name: "spring", kind: .folder)))
        let error = BanneretError(.feedSyntax, "bad at \(job.url.path)/feed.csv",
                                  at: Location(file: job.url.appendingPathComponent("feed.csv").path, line: 3, element: job.url.path + "/x.png"))
        #expect(try claim.fail(job, JobFailure(job: "spring", error: error, attempts: 2)) == "spring")
        let data = try Data(contentsOf: layout.errorReport(for: "spring"))
        let report = try JSONDecoder().decode(JobFailure.self, from: data)
        let moved = layout.failed.appendingPathComponent("spring")
        #expect(report.code == .feedSyntax && report.attempts == 2 && report.job == "spring")
        #expect(report.location == Location(file: moved.appendingPathComponent("feed.csv").path, line: 3,
                                            element: moved.appendingPathComponent("x.png").path))
        #expect(report.message == "bad at \(moved.path)/feed.csv")
        #expect(exists(moved) && !exists(job.url))
    }

    @Test func finishingAJobThatVanishedSaysSo() throws {
        try drop("a.csv")
        let claim = JobClaim(layout: layout, owner: me)
        let job = try #require(try claim.claim(JobEntry(name: "a.csv", kind: .feed)))
        try FileManager.default.removeItem(at: job.url)
        do {
            try claim.complete(job)
            Issue.record("a vanished job was completed")
        } catch let error as BanneretError {
            #expect(error.code == .jobMissing)
        }
    }

    @Test func numberedNamesKeepTheExtension() {
        #expect(InboxLayout.numbered("a.csv", kind: .feed, 2) == "a.2.csv")
        #expect(InboxLayout.numbered("spring.v1", kind: .folder, 3) == "spring.v1.3")
        #expect(InboxLayout.numbered("noext", kind: .feed, 2) == "noext.2")
    }

    @Test func aMissingInboxIsAnErrorNotCreated() {
        let layout = InboxLayout(inbox: Fixtures.temporaryDirectory("gone").appendingPathComponent("typo"))
        #expect(throws: BanneretError(.inboxMissing, "the inbox folder does not exist", at: Location(file: layout.inbox.path))) {
            try layout.prepare()
        }
        #expect(!FileManager.default.fileExists(atPath: layout.inbox.path))
    }
}
