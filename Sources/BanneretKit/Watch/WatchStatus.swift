import Foundation

/// What `banneret watch INBOX --status` reports, read from the folders alone
/// (no daemon needs to be running, or asked): jobs waiting and whether they
/// look complete, jobs in progress with their owner and whether it lives,
/// how many are done, and every failure with its reason.
public struct WatchStatus: Sendable, Codable, Equatable {
    public struct Queued: Sendable, Codable, Equatable {
        public var name: String
        public var kind: JobEntry.Kind
        public var marked: Bool
        public var bytes: Int64
        /// Seconds since anything in it last changed.
        public var quietSeconds: Double
        /// Marked, or quiet for the settle time: the next daemon scan takes it.
        public var ready: Bool

        enum CodingKeys: String, CodingKey {
            case name, kind, marked, bytes, ready
            case quietSeconds = "quiet_seconds"
        }
    }

    public struct InProgress: Sendable, Codable, Equatable {
        public var name: String
        public var owner: JobOwner
        public var ownerState: OwnerState
        /// When it was claimed or last touched by its owner.
        public var since: String
        /// Starts so far, when the results folder is known (`--out`).
        public var attempts: Int?

        enum CodingKeys: String, CodingKey {
            case name, owner, since, attempts
            case ownerState = "owner_state"
        }
    }

    public struct Failed: Sendable, Codable, Equatable {
        public var name: String
        public var code: String?
        public var message: String?
        public var attempts: Int?
    }

    public var inbox: String
    public var queue: [Queued]
    public var processing: [InProgress]
    public var doneCount: Int
    /// The latest finished, newest first.
    public var recentlyDone: [String]
    public var failed: [Failed]

    enum CodingKeys: String, CodingKey {
        case inbox, queue, processing, failed
        case doneCount = "done_count"
        case recentlyDone = "recently_done"
    }

    public static func read(layout: InboxLayout, output: URL?, settle: TimeInterval, now: Date = Date(),
                            recent: Int = 10) -> WatchStatus {
        let inbox = Inbox(layout: layout, settle: settle)
        let queue = inbox.candidates().map { candidate in
            let quiet = max(0, now.timeIntervalSince1970 - Double(candidate.signature.newest) / 1e9)
            return Queued(name: candidate.entry.name, kind: candidate.entry.kind, marked: candidate.marked,
                          bytes: candidate.signature.bytes, quietSeconds: (quiet * 10).rounded() / 10,
                          ready: candidate.marked || quiet >= settle)
        }
        let formatter = ISO8601DateFormatter()
        let me = JobOwner(host: TemporaryFiles.host, pid: -1)
        let processing = JobClaim(layout: layout, owner: me).held(liveness: OwnerLiveness(), now: now).map { held in
            InProgress(name: held.job.entry.name, owner: held.job.owner, ownerState: held.state,
                       since: formatter.string(from: held.stamp.changedDate),
                       attempts: output.flatMap { JobAttempts.load(WatchConfiguration.attempts(for: held.job.entry, in: $0))?.started })
        }
        let done = entries(in: layout.done)
        var failed: [Failed] = []
        for name in entries(in: layout.failed).reversed() where !name.hasSuffix(".error.json") {
            let report = FileManager.default.contents(atPath: layout.errorReport(for: name).path)
                .flatMap { try? JSONDecoder().decode(JobFailure.self, from: $0) }
            failed.append(Failed(name: name, code: report?.code.rawValue, message: report?.message, attempts: report?.attempts))
        }
        return WatchStatus(inbox: layout.inbox.path, queue: queue, processing: processing, doneCount: done.count,
                           recentlyDone: Array(done.prefix(recent)), failed: failed)
    }

    /// Names in a folder, newest arrival first (a rename sets the change time).
    private static func entries(in folder: URL) -> [String] {
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { !$0.hasPrefix(".") }
        let stamped = names.map { ($0, FileStamp.of(folder.appendingPathComponent($0).path)?.changed ?? 0) }
        return stamped.sorted { ($0.1, $0.0) > ($1.1, $1.0) }.map(\.0)
    }

    /// For people: one section per state.
    public var text: String {
        var lines = ["inbox \(inbox)"]
        lines.append("queue: \(queue.count)")
        for item in queue {
            lines.append("  \(item.name) (\(item.kind.rawValue), \(item.bytes) bytes, "
                + (item.ready ? "ready" : "settling, quiet \(item.quietSeconds) s") + (item.marked ? ", marked" : "") + ")")
        }
        lines.append("in progress: \(processing.count)")
        for item in processing {
            lines.append("  \(item.name) by \(item.owner) (\(item.ownerState.rawValue)) since \(item.since)"
                + (item.attempts.map { ", attempt \($0)" } ?? ""))
        }
        lines.append("done: \(doneCount)" + (recentlyDone.isEmpty ? "" : " (latest: \(recentlyDone.joined(separator: ", ")))"))
        lines.append("failed: \(failed.count)")
        for item in failed {
            lines.append("  \(item.name): " + (item.code.map { "[\($0)] " } ?? "") + (item.message ?? "no error report"))
        }
        return lines.joined(separator: "\n")
    }
}
