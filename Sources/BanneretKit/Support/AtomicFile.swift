import CBanneret
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes files so that a reader, or a run restarted after `kill -9`, sees
/// either the old file or the complete new one, never a torn one:
/// temp file in the same folder, fsync, rename over the target, fsync the folder.
enum AtomicFile {
    static func write(_ data: Data, to url: URL) throws {
        let folder = url.deletingLastPathComponent()
        let temp = folder.appendingPathComponent(TemporaryFiles.name(for: url.lastPathComponent))
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw unwritable(url, errno) }
        var failure: Int32 = 0
        data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        close(fd)
        if failure == 0, rename(temp.path, url.path) != 0 { failure = errno }
        if failure != 0 {
            unlink(temp.path)
            throw unwritable(url, failure)
        }
        let dirFD = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if dirFD >= 0 {
            fsync(dirFD)
            close(dirFD)
        }
    }

    /// Writes `data` to a temporary file beside `url` without syncing it;
    /// ``publish(_:)`` makes a whole batch durable with one `syncfs` and then
    /// renames each into place — the same guarantee as ``write(_:to:)``
    /// (data on disk before the name points at it) at one sync per batch
    /// instead of one per file.
    static func stage(_ data: Data, for url: URL) throws -> URL {
        let temp = url.deletingLastPathComponent().appendingPathComponent(TemporaryFiles.name(for: url.lastPathComponent))
        let fd = open(temp.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw unwritable(url, errno) }
        defer { close(fd) }
        let failure: Int32 = data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += written
            }
            return 0
        }
        if failure != 0 {
            unlink(temp.path)
            throw unwritable(url, failure)
        }
        return temp
    }

    /// Syncs the filesystem holding `folder` once, renames every staged file
    /// to its target, and syncs the folder.
    static func publish(_ staged: [(temp: URL, target: URL)], in folder: URL) throws {
        guard !staged.isEmpty else { return }
        let dirFD = open(folder.path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard dirFD >= 0 else { throw unwritable(folder, errno) }
        defer { close(dirFD) }
        guard bnr_syncfs(dirFD) == 0 else { throw unwritable(folder, errno) }
        for (temp, target) in staged where rename(temp.path, target.path) != 0 {
            let code = errno
            unlink(temp.path)
            throw unwritable(target, code)
        }
        fsync(dirFD)
    }

    private static func unwritable(_ url: URL, _ code: Int32) -> BanneretError {
        BanneretError(.outputUnwritable, "cannot write \(url.path): \(String(cString: strerror(code)))",
                      at: Location(file: url.path))
    }
}
