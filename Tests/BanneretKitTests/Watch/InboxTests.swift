import Foundation
import Testing
@testable import BanneretKit

@Suite struct InboxTests {
    let layout = InboxLayout(inbox: Fixtures.temporaryDirectory("inbox"))

    func write(_ name: String, _ text: String = "x") throws {
        let url = layout.inbox.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    @Test func candidatesAreJobsOnly() throws {
        try layout.prepare()
        try write("a.csv")
        try write("b.yaml")
        try write("c/job.yaml")
        try write("d/feed.csv")          // no job.yaml: not a job
        try write(".e.csv")
        try write("f.csv.part")
        try write("a.csv.ready")
        let found = Inbox(layout: layout).candidates()
        #expect(found.map(\.entry.name) == ["a.csv", "b.yaml", "c"])
        #expect(found.map(\.entry.kind) == [.feed, .jobFile, .folder])
        #expect(found.map(\.marked) == [true, false, false])
    }

    func candidate(_ name: String, bytes: Int64 = 1, marked: Bool = false) -> Inbox.Candidate {
        Inbox.Candidate(entry: JobEntry(name: name, kind: .feed), signature: EntrySignature(entries: 1, bytes: bytes, newest: bytes),
                        marked: marked)
    }

    let t0 = Date(timeIntervalSince1970: 1_000)

    @Test func anUnmarkedEntryIsReadyOnceUnchangedForTheSettleTime() {
        var inbox = Inbox(layout: layout, settle: 2)
        var seen = inbox.observe([candidate("a.csv")], now: t0)
        #expect(seen.ready.isEmpty && seen.waiting.count == 1 && seen.nextCheck == t0.addingTimeInterval(2))
        seen = inbox.observe([candidate("a.csv", bytes: 5)], now: t0.addingTimeInterval(1.5))
        #expect(seen.ready.isEmpty, "it grew: the clock starts again")
        #expect(seen.nextCheck == t0.addingTimeInterval(3.5))
        seen = inbox.observe([candidate("a.csv", bytes: 5)], now: t0.addingTimeInterval(3.4))
        #expect(seen.ready.isEmpty)
        seen = inbox.observe([candidate("a.csv", bytes: 5)], now: t0.addingTimeInterval(3.5))
        #expect(seen.ready.map(\.entry.name) == ["a.csv"] && seen.nextCheck == nil)
    }

    @Test func aMarkerMakesItReadyAtOnceAndRequiringOneHoldsTheRest() {
        var inbox = Inbox(layout: layout, settle: 60, requireMarker: true)
        let seen = inbox.observe([candidate("a.csv", marked: true), candidate("b.csv")], now: t0)
        #expect(seen.ready.map(\.entry.name) == ["a.csv"])
        #expect(seen.waiting.map(\.entry.name) == ["b.csv"] && seen.nextCheck == nil, "only a marker can make b ready")
        let later = inbox.observe([candidate("b.csv")], now: t0.addingTimeInterval(3_600))
        #expect(later.ready.isEmpty)
    }

    @Test func noSettleTimeTakesEntriesAtFirstSightOldestFirst() {
        var inbox = Inbox(layout: layout, settle: 0)
        let seen = inbox.observe([candidate("b.csv", bytes: 9), candidate("a.csv", bytes: 3)], now: t0)
        #expect(seen.ready.map(\.entry.name) == ["a.csv", "b.csv"])
    }

    @Test func aForgottenNameSettlesAfresh() {
        var inbox = Inbox(layout: layout, settle: 2)
        _ = inbox.observe([candidate("a.csv")], now: t0)
        inbox.forget("a.csv")
        #expect(inbox.observe([candidate("a.csv")], now: t0.addingTimeInterval(2)).ready.isEmpty)
    }

    @Test func aFolderSignatureSeesChangesDeepInside() throws {
        try write("c/job.yaml", "feed: x")
        try write("c/images/a.png", "1")
        let folder = layout.inbox.appendingPathComponent("c")
        let before = try #require(EntrySignature.of(folder))
        #expect(before.entries == 4 && before.bytes == 8)
        try write("c/images/a.png", "12345")
        let after = try #require(EntrySignature.of(folder))
        #expect(after != before && after.bytes == 12)
        #expect(EntrySignature.of(layout.inbox.appendingPathComponent("nothing")) == nil)
    }
}
