import Foundation
import Testing
@testable import BanneretKit

@Suite struct InboxWatcherTests {
    let folder = Fixtures.temporaryDirectory("watcher")

    @Test func aNewFileEndsTheWait() throws {
        let watcher = InboxWatcher(folder: folder)
        try #require(watcher.isWatching, "inotify is available on Linux")
        #expect(!watcher.wait(timeout: 0.01), "nothing happened: the timeout")
        try Data("x".utf8).write(to: folder.appendingPathComponent("a.csv"))
        let start = Date()
        #expect(watcher.wait(timeout: 30))
        #expect(Date().timeIntervalSince(start) < 20, "woken by the event, not the timeout")
    }

    @Test func wakeEndsTheWaitFromAnotherThread() {
        let watcher = InboxWatcher(folder: folder)
        DispatchQueue.global().asyncAfter(deadline: .now() + 0.05) { watcher.wake() }
        let start = Date()
        #expect(watcher.wait(timeout: 30))
        #expect(Date().timeIntervalSince(start) < 20)
    }

    @Test func aFolderThatCannotBeWatchedStillTimesOut() {
        let watcher = InboxWatcher(folder: folder.appendingPathComponent("missing"))
        #expect(!watcher.isWatching)
        #expect(!watcher.wait(timeout: 0.01))
    }
}
