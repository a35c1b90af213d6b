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

    private static func unwritable(_ url: URL, _ code: Int32) -> BanneretError {
        BanneretError(.outputUnwritable, "cannot write \(url.path): \(String(cString: strerror(code)))",
                      at: Location(file: url.path))
    }
}
