import BanneretKit
import Foundation

/// Signals for `banneret watch`: SIGTERM and SIGINT drain (the banners in
/// flight finish, the job stays claimed and resumes on the next start) and
/// the process exits 0 within `deadline` seconds whatever is in flight, so
/// a service manager never has to escalate to SIGKILL; SIGHUP reloads
/// brands and templates.
final class DaemonSignals {
    private var sources: [DispatchSourceSignal] = []

    init(daemon: WatchDaemon, deadline: TimeInterval = 4.5) {
        for signalNumber in [SIGTERM, SIGINT, SIGHUP] {
            signal(signalNumber, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
            source.setEventHandler {
                guard signalNumber != SIGHUP else {
                    daemon.requestReload()
                    return
                }
                daemon.requestStop(reason: signalNumber == SIGTERM ? "SIGTERM" : "SIGINT")
                // Everything finished is durable and every write is atomic, so
                // leaving mid-banner is as safe as a crash, and no slower.
                DispatchQueue.global().asyncAfter(deadline: .now() + deadline) {
                    daemon.log.log(.warning, "daemon.drain_timeout",
                                   [("message", .text("still busy \(deadline) s after the stop request; leaving now, the job resumes on the next start"))])
                    _exit(0)
                }
            }
            source.resume()
            sources.append(source)
        }
    }
}
