import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells systemd how the daemon is doing (sd_notify(3)) without linking
/// libsystemd: `READY=1` once the inbox is set up, `STOPPING=1` when a
/// signal asks it to stop, `STATUS=…` for `systemctl status`, and
/// `WATCHDOG=1` while the loop is alive when the unit sets `WatchdogSec=`.
/// A datagram to `$NOTIFY_SOCKET`; without that variable every call does nothing.
public final class SystemdNotify: @unchecked Sendable {
    // @unchecked: `lastPing` is guarded by `lock`.
    public let socketPath: String?
    /// How often systemd wants to hear `WATCHDOG=1` (half its timeout), or nil.
    public let watchdogInterval: TimeInterval?
    private let lock = NSLock()
    private var lastPing = Date.distantPast

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
        if let usec = environment["WATCHDOG_USEC"].flatMap(Double.init), usec > 0,
           environment["WATCHDOG_PID"].map({ Int32($0) == getpid() }) ?? true {
            watchdogInterval = usec / 1e6 / 2
        } else {
            watchdogInterval = nil
        }
    }

    public func ready(status: String) { send("READY=1\nSTATUS=\(status)") }

    public func stopping(status: String) { send("STOPPING=1\nSTATUS=\(status)") }

    public func status(_ text: String) { send("STATUS=\(text)") }

    /// Pings the watchdog when half its interval has passed since the last ping.
    /// - Parameter now: on a monotonic clock (seconds since boot), so a clock stepped back never delays a ping.
    public func watchdog(now: Date = Date(timeIntervalSinceReferenceDate: ProcessInfo.processInfo.systemUptime)) {
        guard let interval = watchdogInterval else { return }
        let due = lock.withLock {
            guard now.timeIntervalSince(lastPing) >= interval else { return false }
            lastPing = now
            return true
        }
        if due { send("WATCHDOG=1") }
    }

    /// Sends one notification; false when there is no socket or it failed.
    @discardableResult
    public func send(_ message: String) -> Bool {
        guard let socketPath else { return false }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var path = Array(socketPath.utf8)
        // "@name" is a socket in the abstract namespace: a leading NUL byte.
        if path.first == UInt8(ascii: "@") { path[0] = 0 }
        let capacity = MemoryLayout.size(ofValue: address.sun_path)
        guard path.count < capacity else { return false }
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            raw.copyBytes(from: path)
        }
        let length = socklen_t(MemoryLayout<sockaddr_un>.offset(of: \sockaddr_un.sun_path)! + path.count)
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        let bytes = Array(message.utf8)
        let sent = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                sendto(descriptor, bytes, bytes.count, Int32(MSG_NOSIGNAL), socketAddress, length)
            }
        }
        return sent == bytes.count
    }
}
