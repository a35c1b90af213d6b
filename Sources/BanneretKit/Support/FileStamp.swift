import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What stat(2) says about a file, enough to notice that it changed or was
/// replaced: size, modification and change times, and its inode. The change
/// time matters because tools that keep a copied file's old modification
/// time (`cp -p`, tar) still move its change time to now.
public struct FileStamp: Sendable, Hashable, Codable {
    public var size: Int64
    /// Nanoseconds since the epoch.
    public var modified: Int64
    public var changed: Int64
    public var inode: UInt64
    public var device: UInt64
    public var isDirectory: Bool

    /// The stamp of the file at `path` (symlinks followed), or nil when there is none.
    public static func of(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return FileStamp(size: Int64(info.st_size),
                         modified: Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec),
                         changed: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec),
                         inode: UInt64(info.st_ino), device: UInt64(info.st_dev),
                         isDirectory: (info.st_mode & S_IFMT) == S_IFDIR)
    }

    public var modifiedDate: Date { Date(timeIntervalSince1970: Double(modified) / 1e9) }
    public var changedDate: Date { Date(timeIntervalSince1970: Double(changed) / 1e9) }
}
