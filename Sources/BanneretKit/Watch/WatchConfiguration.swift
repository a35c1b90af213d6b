import Foundation

/// How `banneret watch` runs: where jobs come from and go to, what jobs that
/// say nothing of their own render with, and how patient the daemon is.
public struct WatchConfiguration: Sendable {
    public var layout: InboxLayout
    /// Each job's results go to `<output>/<job name>/`.
    public var output: URL
    public var defaults: JobSpec.Defaults
    /// Seconds an entry without a `.ready` marker must stay unchanged before it is taken.
    public var settle: TimeInterval = 2
    /// Seconds between full rescans of the inbox, whatever inotify says.
    public var rescan: TimeInterval = 5
    /// Render threads for the one job running at a time.
    public var jobs: Int
    /// Starts in a row without progress after which a job is set aside in `.failed/`.
    public var maxAttempts = 5
    /// Process what is in the inbox (waiting for entries still settling), then stop.
    public var once = false
    /// Products rendered and journalled together: small, so a restart loses little
    /// and a stop request is honoured quickly.
    public var chunkSize = 8
    /// Take only entries that have a `.ready` marker.
    public var requireMarker = false
    /// A claim by a daemon on another host untouched for this long is taken over.
    public var staleAfter: TimeInterval = 600
    /// First wait before a job that failed in a way worth retrying (a network
    /// error) is run again; doubled after each further failure, up to 10 minutes.
    public var retryDelay: TimeInterval = 30
    /// Seconds between progress lines in the log while a job runs.
    public var progressInterval: TimeInterval = 10

    public init(inbox: URL, output: URL, defaults: JobSpec.Defaults,
                jobs: Int = ProcessInfo.processInfo.activeProcessorCount) {
        layout = InboxLayout(inbox: inbox)
        self.output = output.standardizedFileURL
        self.defaults = defaults
        self.jobs = max(1, jobs)
    }

    /// Per-job locks and attempt counts, beside the results.
    public var stateFolder: URL { Self.stateFolder(in: output) }

    public static func stateFolder(in output: URL) -> URL { output.appendingPathComponent(".watch") }

    public func results(for entry: JobEntry) -> URL { output.appendingPathComponent(entry.outputName) }
    func lock(for entry: JobEntry) -> URL { stateFolder.appendingPathComponent(entry.outputName + ".lock") }
    public func attempts(for entry: JobEntry) -> URL { Self.attempts(for: entry, in: output) }

    public static func attempts(for entry: JobEntry, in output: URL) -> URL {
        stateFolder(in: output).appendingPathComponent(entry.outputName + ".attempts.json")
    }
}
