import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One results folder is written by one job at a time. Two jobs dropped under
/// the same name (the same daily feed, twice) go to the same folder, and its
/// run journal must not be appended to by two processes at once. flock(2)
/// is released by the kernel when its holder dies, so a `kill -9` never
/// leaves the folder locked.
public final class OutputLock {
    private let descriptor: Int32

    private init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Waits for the lock at `url`; nil when `cancellation` was set first.
    public static func acquire(_ url: URL, cancellation: CancellationFlag? = nil,
                               onWait: () -> Void = {}) throws -> OutputLock? {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BanneretError(.outputUnwritable, "cannot open \(url.path): \(String(cString: strerror(errno)))",
                                at: Location(file: url.path))
        }
        var waited = false
        while flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK || errno == EINTR else {
                let code = errno
                close(descriptor)
                throw BanneretError(.outputUnwritable, "cannot lock \(url.path): \(String(cString: strerror(code)))",
                                    at: Location(file: url.path))
            }
            if !waited { onWait() }
            waited = true
            if cancellation?.isCancelled == true {
                close(descriptor)
                return nil
            }
            usleep(50_000)
        }
        return OutputLock(descriptor: descriptor)
    }
}
