import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The daemon process a claimed job belongs to, written into the job's name
/// under `.processing/` (`shoes.csv@host@4242`), so ownership needs no lock
/// file and no lock server: whoever renamed the entry owns it, and anyone can
/// tell from the name whether that owner is still running.
public struct JobOwner: Sendable, Hashable, Codable, CustomStringConvertible {
    public var host: String
    public var pid: Int32

    public init(host: String, pid: Int32) {
        self.host = host
        self.pid = pid
    }

    /// This process on this host.
    public static var current: JobOwner { JobOwner(host: TemporaryFiles.host, pid: getpid()) }

    public var description: String { "\(host)@\(pid)" }

    /// `<name>@<host>@<pid>`.
    public func claimName(for name: String) -> String { "\(name)@\(host)@\(pid)" }

    /// Splits a claim name into the job's own name and its owner; nil for
    /// anything else. Read from the right, so a job name may hold `@` itself.
    public static func parse(claimName: String) -> (name: String, owner: JobOwner)? {
        let parts = claimName.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count >= 3, let pid = Int32(parts[parts.count - 1]), pid > 0 else { return nil }
        let host = String(parts[parts.count - 2])
        let name = parts.dropLast(2).joined(separator: "@")
        guard !host.isEmpty, !name.isEmpty else { return nil }
        return (name, JobOwner(host: host, pid: pid))
    }
}

/// Whether the owner of a claimed job is still at work on it.
public enum OwnerState: String, Sendable, Codable {
    /// This very process.
    case current
    /// Another process that is running (on this host), or a daemon on
    /// another host that has touched the job recently.
    case alive
    /// Gone: its job may be taken over.
    case dead
}

/// Tells live owners from dead ones. On this host a process is alive when its
/// pid exists and started before it claimed the job (a pid reused by a
/// later process does not count, nor does the pid of a container restarted
/// as pid 1). Another host's daemon cannot be asked, so its claim counts as
/// alive while it keeps touching the entry (see ``JobHeartbeat``).
public struct OwnerLiveness: Sendable {
    /// A foreign claim untouched for this long is considered abandoned.
    public var staleAfter: TimeInterval
    /// Claims this process holds; the same pid on a claim not listed is an earlier life of it.
    public var held: Set<String>

    public init(staleAfter: TimeInterval = 600, held: Set<String> = []) {
        self.staleAfter = staleAfter
        self.held = held
    }

    /// - Parameters:
    ///   - claimName: the entry's name under `.processing/`.
    ///   - changed: when the claimed entry last changed (ctime: the claim or takeover rename, or a heartbeat).
    ///   - touched: when it was last touched (mtime), for claims from another host.
    public func state(of owner: JobOwner, claimName: String, changed: Date, touched: Date, now: Date = Date(),
                      me: JobOwner = .current, startTime: (Int32) -> Date? = ProcessStart.time) -> OwnerState {
        guard owner.host == me.host else {
            return now.timeIntervalSince(touched) > staleAfter ? .dead : .alive
        }
        if owner.pid == me.pid { return held.contains(claimName) ? .current : .dead }
        guard let started = startTime(owner.pid) else { return .dead }
        // A process that began after the claim was made cannot be the one that made it
        // (with two seconds to spare: the boot time /proc gives is whole seconds).
        return started.timeIntervalSince(changed) > 2 ? .dead : .alive
    }
}

/// When a process on this host started, from `/proc`; nil when it does not exist.
public enum ProcessStart {
    public static func time(of pid: Int32) -> Date? {
        guard kill(pid, 0) == 0 || errno == EPERM else { return nil }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else {
            // No /proc to ask: a process that exists is taken to be the owner.
            return Date.distantPast
        }
        // Fields after the command name: state is field 3, starttime field 22.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = Double(fields[19]), let boot = bootTime else { return Date.distantPast }
        return Date(timeIntervalSince1970: boot + ticks / Double(sysconf(Int32(_SC_CLK_TCK))))
    }

    /// Seconds since the epoch at which this machine booted.
    static let bootTime: Double? = {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") where line.hasPrefix("btime ") {
            return Double(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
        }
        return nil
    }()
}
