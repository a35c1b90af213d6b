import Foundation

/// Lists the jobs waiting in an inbox and decides which are complete enough
/// to take. A writer says so with a `<name>.ready` marker; without one, an
/// entry is complete when nothing in it has changed for the settle time, as
/// observed by this process (not judged from old timestamps, which copies
/// and archives carry over). Observations start afresh after a restart, so
/// an upload cut short by the restart is not taken as finished.
public struct Inbox: Sendable {
    /// A job found in the inbox.
    public struct Candidate: Sendable, Hashable {
        public var entry: JobEntry
        public var signature: EntrySignature
        /// Its `.ready` marker exists.
        public var marked: Bool
    }

    public let layout: InboxLayout
    /// Seconds an unmarked entry must stay unchanged; 0 takes it at first sight.
    public var settle: TimeInterval
    /// Take only entries with a `.ready` marker.
    public var requireMarker: Bool
    private var seen: [String: (signature: EntrySignature, since: Date)] = [:]

    public init(layout: InboxLayout, settle: TimeInterval = 2, requireMarker: Bool = false) {
        self.layout = layout
        self.settle = max(0, settle)
        self.requireMarker = requireMarker
    }

    /// The jobs in the inbox now, in name order.
    public func candidates() -> [Candidate] {
        let folder = layout.inbox
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        let present = Set(names)
        var found: [Candidate] = []
        for name in names.sorted() {
            let url = folder.appendingPathComponent(name)
            guard let stamp = FileStamp.of(url.path),
                  let entry = JobEntry.classify(name: name, isDirectory: stamp.isDirectory, folderHoldsJob: {
                      FileManager.default.fileExists(atPath: url.appendingPathComponent(JobEntry.jobFileName).path)
                  }),
                  let signature = EntrySignature.of(url) else { continue }
            found.append(Candidate(entry: entry, signature: signature, marked: present.contains(entry.markerName)))
        }
        return found
    }

    /// What a scan found, sorted out.
    public struct Readiness: Sendable {
        /// Complete jobs, oldest first.
        public var ready: [Candidate]
        /// Jobs still settling (or waiting for their marker).
        public var waiting: [Candidate]
        /// When the next waiting job may become ready; nil when none will without a change.
        public var nextCheck: Date?
    }

    /// Records what a scan saw at `now` and says which jobs are complete.
    public mutating func observe(_ candidates: [Candidate], now: Date = Date()) -> Readiness {
        var result = Readiness(ready: [], waiting: [], nextCheck: nil)
        var next: [String: (signature: EntrySignature, since: Date)] = [:]
        for candidate in candidates {
            let name = candidate.entry.name
            let previous = seen[name]
            let since = previous?.signature == candidate.signature ? previous!.since : now
            next[name] = (candidate.signature, since)
            if candidate.marked {
                result.ready.append(candidate)
            } else if requireMarker {
                result.waiting.append(candidate)
            } else if now.timeIntervalSince(since) >= settle {
                result.ready.append(candidate)
            } else {
                result.waiting.append(candidate)
                let due = since.addingTimeInterval(settle)
                result.nextCheck = min(result.nextCheck ?? due, due)
            }
        }
        seen = next
        result.ready.sort { ($0.signature.newest, $0.entry.name) < ($1.signature.newest, $1.entry.name) }
        return result
    }

    /// Forgets an entry (it was claimed), so one dropped again under its name settles afresh.
    public mutating func forget(_ name: String) {
        seen[name] = nil
    }
}
