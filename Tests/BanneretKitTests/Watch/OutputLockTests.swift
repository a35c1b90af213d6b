import Foundation
import Testing
@testable import BanneretKit

@Suite struct OutputLockTests {
    let url = Fixtures.temporaryDirectory("lock").appendingPathComponent("state/a.lock")

    @Test func aSecondHolderWaitsUntilTheFirstLetsGo() throws {
        var first = try OutputLock.acquire(url)
        #expect(first != nil)
        let acquired = CancellationFlag()
        let waited = CancellationFlag()
        let done = DispatchSemaphore(value: 0)
        let path = url
        Thread.detachNewThread {
            let second = try? OutputLock.acquire(path, onWait: { waited.cancel() })
            if second != nil { acquired.cancel() }
            done.signal()
        }
        // Generous: the other thread only has to reach flock once.
        for _ in 0 ..< 200 where !waited.isCancelled { usleep(10_000) }
        #expect(waited.isCancelled && !acquired.isCancelled, "the second waits while the first holds it")
        first = nil
        #expect(done.wait(timeout: .now() + 10) == .success)
        #expect(acquired.isCancelled)
    }

    @Test func cancellingGivesUpTheWait() throws {
        let held = try OutputLock.acquire(url)
        let cancel = CancellationFlag()
        cancel.cancel()
        #expect(try OutputLock.acquire(url, cancellation: cancel) == nil)
        withExtendedLifetime(held) {}
    }
}
