import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Sleeps until something may have changed in the inbox: an inotify event
/// on the inbox folder, a ``wake()`` from another thread (a signal), or the
/// timeout. inotify is only a hint that makes the daemon quick to react; the
/// daemon rescans on the timeout anyway, because inotify does not see into
/// sub-folders, misses what happened while the daemon was down, and does not
/// work on network filesystems (or at all, once the watch limit is reached).
public final class InboxWatcher: @unchecked Sendable {
    // @unchecked: the descriptors are set once; write(2) to the pipe is thread-safe.
    private let notify: Int32
    private let pipeRead: Int32
    private let pipeWrite: Int32
    /// inotify is watching the inbox (false: the timeout alone drives rescans).
    public let isWatching: Bool

    public init(folder: URL) {
        var fds: [Int32] = [-1, -1]
        if pipe(&fds) == 0 {
            for descriptor in fds {
                _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
                _ = fcntl(descriptor, F_SETFL, O_NONBLOCK)
            }
        } else {
            fds = [-1, -1]
        }
        pipeRead = fds[0]
        pipeWrite = fds[1]
        let descriptor = inotify_init1(Int32(IN_CLOEXEC | IN_NONBLOCK))
        // Arrivals and departures, not every write: a long upload must not wake the daemon thousands of times.
        let mask = UInt32(IN_CREATE | IN_MOVED_TO | IN_CLOSE_WRITE | IN_DELETE | IN_MOVED_FROM)
        if descriptor >= 0, inotify_add_watch(descriptor, folder.path, mask) >= 0 {
            notify = descriptor
            isWatching = true
        } else {
            if descriptor >= 0 { close(descriptor) }
            notify = -1
            isWatching = false
        }
    }

    deinit {
        for descriptor in [notify, pipeRead, pipeWrite] where descriptor >= 0 { close(descriptor) }
    }

    /// Ends the current or next ``wait(timeout:)`` at once.
    public func wake() {
        guard pipeWrite >= 0 else { return }
        var byte: UInt8 = 1
        _ = write(pipeWrite, &byte, 1)
    }

    /// Returns when the inbox changed, ``wake()`` was called, or `timeout` seconds passed.
    /// - Returns: true when woken by an event rather than the timeout.
    @discardableResult
    public func wait(timeout: TimeInterval) -> Bool {
        var fds = [pollfd(fd: notify, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: pipeRead, events: Int16(POLLIN), revents: 0)]
        let milliseconds = Int32(max(0, min(timeout, 3_600)) * 1000)
        let ready = poll(&fds, nfds_t(fds.count), milliseconds)
        guard ready > 0 else { return false }
        drain(notify)
        drain(pipeRead)
        return true
    }

    /// Reads what is pending; the events themselves do not matter, only that there were some.
    private func drain(_ descriptor: Int32) {
        guard descriptor >= 0 else { return }
        var buffer = [UInt8](repeating: 0, count: 4096)
        while read(descriptor, &buffer, buffer.count) > 0 {}
    }
}
