import Foundation

/// How often a job has been started without getting any further, so a job
/// that kills the daemon every time (a picture that crashes a decoder, a feed
/// that exhausts memory) is set aside after a few tries instead of taking the
/// daemon down forever, while a job that was merely interrupted (a restart, a
/// deploy, `kill -9`) but finished some products each time runs on.
///
/// Progress is the size of the results' run journal, which grows as groups
/// finish; a start that finds it unchanged since the previous start counts
/// against the job. The job is recognised by its inode, which renames keep,
/// so a job dropped again under the same name starts with a clean slate.
public struct JobAttempts: Sendable, Equatable, Codable {
    public var inode: UInt64
    public var device: UInt64
    /// Starts in a row without progress, the current one included.
    public var withoutProgress: Int
    /// Every start.
    public var started: Int
    /// Journal size when the latest start began.
    public var progress: Int64
    /// What stopped the latest start, when the daemon lived to say (a crash leaves nil).
    public var lastError: String?

    enum CodingKeys: String, CodingKey {
        case inode, device, started, progress
        case withoutProgress = "without_progress"
        case lastError = "last_error"
    }

    /// The record for a start of the job identified by `stamp` whose journal is `progress` bytes long.
    public static func begin(after previous: JobAttempts?, job stamp: FileStamp, progress: Int64) -> JobAttempts {
        guard let previous, previous.inode == stamp.inode, previous.device == stamp.device else {
            return JobAttempts(inode: stamp.inode, device: stamp.device, withoutProgress: 1, started: 1, progress: progress)
        }
        let stalled = previous.progress == progress
        return JobAttempts(inode: stamp.inode, device: stamp.device, withoutProgress: stalled ? previous.withoutProgress + 1 : 1,
                           started: previous.started + 1, progress: progress, lastError: previous.lastError)
    }

    /// The earlier starts all ended without progress, and there were more than `limit` of them.
    public func exhausted(limit: Int) -> Bool { withoutProgress > limit }

    public static func load(_ url: URL) -> JobAttempts? {
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        return try? JSONDecoder().decode(JobAttempts.self, from: data)
    }

    public func save(_ url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        try AtomicFile.write(try encoder.encode(self), to: url)
    }
}
