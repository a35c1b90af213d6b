import Foundation
import Testing
@testable import BanneretKit

@Suite struct SystemdNotifyTests {
    /// A datagram socket standing in for systemd's.
    final class Listener {
        let path: String
        let descriptor: Int32

        init() throws {
            path = Fixtures.temporaryDirectory("notify").appendingPathComponent("s").path
            descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            var address = sockaddr_un()
            address.sun_family = sa_family_t(AF_UNIX)
            withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: Array(path.utf8) + [0]) }
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
            }
            try #require(bound == 0)
            var timeout = timeval(tv_sec: 5, tv_usec: 0)
            setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        }

        deinit { close(descriptor) }

        func receive() -> String {
            var buffer = [UInt8](repeating: 0, count: 4096)
            let count = recv(descriptor, &buffer, buffer.count, 0)
            return count > 0 ? String(decoding: buffer[0 ..< count], as: UTF8.self) : ""
        }
    }

    @Test func readyAndStoppingReachTheSocket() throws {
        let listener = try Listener()
        let notify = SystemdNotify(environment: ["NOTIFY_SOCKET": listener.path])
        notify.ready(status: "watching /in")
        #expect(listener.receive() == "READY=1\nSTATUS=watching /in")
        notify.stopping(status: "bye")
        #expect(listener.receive() == "STOPPING=1\nSTATUS=bye")
    }

    @Test func withoutASocketNothingIsSent() {
        let notify = SystemdNotify(environment: [:])
        #expect(!notify.send("READY=1"))
        #expect(notify.watchdogInterval == nil)
    }

    @Test func theWatchdogIsPingedAtHalfItsTimeout() throws {
        let listener = try Listener()
        let notify = SystemdNotify(environment: ["NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "4000000"])
        #expect(notify.watchdogInterval == 2)
        let t0 = Date()
        notify.watchdog(now: t0)
        notify.watchdog(now: t0.addingTimeInterval(1))   // too soon: nothing sent
        notify.watchdog(now: t0.addingTimeInterval(2))
        notify.send("END")
        #expect(listener.receive() == "WATCHDOG=1")
        #expect(listener.receive() == "WATCHDOG=1")
        #expect(listener.receive() == "END")
        let otherProcess = SystemdNotify(environment: ["NOTIFY_SOCKET": listener.path, "WATCHDOG_USEC": "4000000", "WATCHDOG_PID": "1"])
        #expect(otherProcess.watchdogInterval == nil || getpid() == 1, "the watchdog is for the pid systemd names")
    }
}
