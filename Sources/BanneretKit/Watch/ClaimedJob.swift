import Foundation

/// A job in `.processing/`, under its owner's claim name.
public struct ClaimedJob: Sendable, Hashable {
    public var entry: JobEntry
    public var owner: JobOwner
    /// Where it is now: `.processing/<name>@<host>@<pid>`.
    public var url: URL

    public init(entry: JobEntry, owner: JobOwner, url: URL) {
        self.entry = entry
        self.owner = owner
        self.url = url
    }

    public var claimName: String { url.lastPathComponent }
}
