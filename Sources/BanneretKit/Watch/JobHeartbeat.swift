import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Touches a claimed job every little while as it runs. A daemon on another
/// host sharing the inbox cannot ask this host whether its owner is alive,
/// so it looks at the entry's modification time instead: a claim nobody has
/// touched for `--stale-after` seconds belongs to a daemon that is gone.
public final class JobHeartbeat {
    private let timer: DispatchSourceTimer

    /// Starts touching `url` every `interval` seconds until ``stop()`` (or deinit).
    public init(_ url: URL, interval: TimeInterval = 30) {
        timer = DispatchSource.makeTimerSource(queue: .global(qos: .utility))
        let path = url.path
        timer.schedule(deadline: .now() + interval, repeating: interval)
        timer.setEventHandler {
            // utimensat with no times sets both to now.
            _ = utimensat(AT_FDCWD, path, nil, 0)
        }
        timer.resume()
    }

    public func stop() {
        timer.cancel()
    }

    deinit { timer.cancel() }
}
