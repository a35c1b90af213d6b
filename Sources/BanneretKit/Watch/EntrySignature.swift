import Foundation

/// A summary of a dropped entry that changes whenever anything is still being
/// written into it: for a file its size and times, for a folder the number
/// of entries, their total size and the newest time anywhere inside. An
/// entry whose signature stays the same for the settle time is complete.
public struct EntrySignature: Sendable, Hashable {
    public var entries: Int
    public var bytes: Int64
    /// Nanoseconds since the epoch of the newest modification or change.
    public var newest: Int64

    public init(entries: Int, bytes: Int64, newest: Int64) {
        self.entries = entries
        self.bytes = bytes
        self.newest = newest
    }

    /// Reads it from disk; nil when the entry is gone.
    public static func of(_ url: URL) -> EntrySignature? {
        guard let top = FileStamp.of(url.path) else { return nil }
        var signature = EntrySignature(entries: 1, bytes: top.isDirectory ? 0 : top.size, newest: max(top.modified, top.changed))
        guard top.isDirectory, let walker = FileManager.default.enumerator(atPath: url.path) else { return signature }
        while let relative = walker.nextObject() as? String {
            guard let stamp = FileStamp.of(url.appendingPathComponent(relative).path) else { continue }
            signature.entries += 1
            if !stamp.isDirectory { signature.bytes += stamp.size }
            signature.newest = max(signature.newest, stamp.modified, stamp.changed)
        }
        return signature
    }
}
