import Foundation

/// `banneret watch`: takes jobs from an inbox one at a time and runs each
/// with every render thread, for as long as it is left running.
///
/// Each turn of the loop looks for work in this order: jobs whose daemon
/// died (taken over, so nothing claimed is ever lost), jobs of its own due
/// for a retry, then complete jobs in the inbox, oldest first. With nothing
/// to do it sleeps until inotify reports a change, an entry may have
/// settled, a retry is due, or the rescan interval has passed.
///
/// A stop request (SIGTERM, SIGINT) lets the banners in flight finish and
/// leaves the job in `.processing/`, from where the next start resumes it;
/// a reload request (SIGHUP) drops the cached brands and templates.
public final class WatchDaemon: @unchecked Sendable {
    // @unchecked: `stopRequested` and `reloadRequested` are guarded by `lock`;
    // everything else is used by the thread running ``run()`` only.
    public let configuration: WatchConfiguration
    public let log: WatchLog
    public let notify: SystemdNotify
    let cancellation = CancellationFlag()
    private let lock = NSLock()
    private var stopRequested = false
    private var reloadRequested = false
    private let watcher: InboxWatcher
    private let claim: JobClaim
    private let runner: JobRunner
    private var lastProgressLog = Date.distantPast

    /// What a run of the daemon did.
    public struct Summary: Sendable, Equatable {
        public var done = 0
        public var failed = 0
        /// Jobs left in `.processing/` to be retried or resumed by the next start.
        public var leftInProcessing = 0
        /// It stopped because it was asked to.
        public var stopped = false
    }

    public init(configuration: WatchConfiguration, fonts: FontSet, log: WatchLog = WatchLog(),
                notify: SystemdNotify = SystemdNotify()) {
        self.configuration = configuration
        self.log = log
        self.notify = notify
        watcher = InboxWatcher(folder: configuration.layout.inbox)
        claim = JobClaim(layout: configuration.layout)
        runner = JobRunner(configuration: configuration, engines: EngineCache(fonts: fonts), claim: claim, log: log,
                           cancellation: cancellation)
        runner.onProgress = { [unowned self] job, progress in self.progressed(job, progress) }
    }

    /// Asks the loop to stop: the banners in flight finish, the job in hand stays in `.processing/`.
    public func requestStop(reason: String) {
        let first = lock.withLock {
            defer { stopRequested = true }
            return !stopRequested
        }
        cancellation.cancel()
        watcher.wake()
        guard first else { return }
        log.log("daemon.stopping", [("reason", .text(reason))])
        notify.stopping(status: "stopping (\(reason)): finishing the banners in flight")
    }

    /// Asks the loop to load brands and templates afresh before the next job.
    public func requestReload() {
        lock.withLock { reloadRequested = true }
        watcher.wake()
    }

    private var isStopping: Bool { lock.withLock { stopRequested } }

    public func run() throws -> Summary {
        let layout = configuration.layout
        try layout.prepare()
        do {
            try FileManager.default.createDirectory(at: configuration.stateFolder, withIntermediateDirectories: true)
        } catch {
            throw BanneretError(.outputUnwritable, "cannot create \(configuration.stateFolder.path): \(error.localizedDescription)",
                                at: Location(file: configuration.output.path))
        }
        TemporaryFiles.sweep(layout.failed)
        TemporaryFiles.sweep(configuration.stateFolder)
        var inbox = Inbox(layout: layout, settle: configuration.settle, requireMarker: configuration.requireMarker)
        var retries: [String: (job: ClaimedJob, due: Date)] = [:]
        // Claims kept for the next start (a retry under --once): held, but not run again now.
        var parked: Set<String> = []
        var summary = Summary()
        log.log("daemon.started", [("inbox", .text(layout.inbox.path)), ("out", .text(configuration.output.path)),
                                   ("pid", .int(Int(getpid()))), ("jobs", .int(configuration.jobs)),
                                   ("settle", .number(configuration.settle)), ("rescan", .number(configuration.rescan)),
                                   ("inotify", .flag(watcher.isWatching)), ("once", .flag(configuration.once))])
        if !watcher.isWatching {
            log.log(.warning, "daemon.no_inotify", [("message", .text("inotify is unavailable here; the inbox is rescanned every \(configuration.rescan) s"))])
        }
        notify.ready(status: "watching \(layout.inbox.path)")

        while !isStopping {
            if lock.withLock({ defer { reloadRequested = false }; return reloadRequested }) {
                runner.engines.removeAll()
                log.log("daemon.reloaded", [("message", .text("brands and templates are loaded afresh for the next job"))])
            }
            notify.watchdog()
            // Waiting (settling, retries, the next rescan) is measured on the monotonic clock, so
            // a clock stepped back by NTP never holds jobs up; file times are compared with the wall clock.
            let now = Self.monotonic(), wallClock = Date()
            // Recreated should someone remove them; does nothing otherwise.
            try? layout.prepare()
            var job: ClaimedJob?
            // 1. Jobs whose owner died, this daemon's earlier life included.
            let liveness = OwnerLiveness(staleAfter: configuration.staleAfter, held: parked.union(retries.keys))
            for held in claim.held(liveness: liveness, now: wallClock) where held.state == .dead && job == nil {
                do {
                    job = try claim.takeOver(held.job)
                    if let job { log.log("job.takeover", job: job.entry.name, [("from", .text(held.job.owner.description))]) }
                } catch let error as BanneretError {
                    log.log(.error, "job.takeover_failed", job: held.job.entry.name, [("message", .text(error.description))])
                }
            }
            // 2. Its own retries that are due.
            if job == nil, let due = retries.values.filter({ $0.due <= now }).min(by: { $0.due < $1.due }) {
                retries[due.job.claimName] = nil
                job = due.job
            }
            // 3. Complete jobs in the inbox, oldest first.
            let readiness = inbox.observe(inbox.candidates(), now: now)
            if job == nil {
                for candidate in readiness.ready where job == nil {
                    do {
                        job = try claim.claim(candidate.entry)
                        if let job {
                            inbox.forget(candidate.entry.name)
                            log.log("job.claimed", job: job.entry.name, [("kind", .text(job.entry.kind.rawValue)),
                                                                         ("marker", .flag(candidate.marked))])
                        }
                    } catch let error as BanneretError {
                        log.log(.error, "job.claim_failed", job: candidate.entry.name, [("message", .text(error.description))])
                    }
                }
            }
            if let job {
                let outcome = process(job)
                switch outcome {
                case .done: summary.done += 1
                case .failed: summary.failed += 1
                case .retry(_, let attempts):
                    if configuration.once {
                        parked.insert(job.claimName)
                    } else {
                        let delay = min(600, configuration.retryDelay * pow(2, Double(max(0, attempts.withoutProgress - 1))))
                        retries[job.claimName] = (job, Self.monotonic().addingTimeInterval(delay))
                    }
                case .interrupted, .lost: break
                }
                continue
            }
            if configuration.once {
                // Wait only for entries that can still become ready.
                if readiness.nextCheck == nil { break }
            }
            var wake = now.addingTimeInterval(configuration.rescan)
            if let next = readiness.nextCheck { wake = min(wake, next) }
            if let retry = retries.values.map(\.due).min() { wake = min(wake, retry) }
            if let ping = notify.watchdogInterval { wake = min(wake, now.addingTimeInterval(ping)) }
            if watcher.wait(timeout: max(0.05, wake.timeIntervalSince(Self.monotonic()))) {
                // Events come in bursts (a folder copied in, file by file): gather them into one rescan.
                usleep(100_000)
            }
        }
        summary.stopped = isStopping
        summary.leftInProcessing = claim.held(liveness: OwnerLiveness(held: []), now: Date())
            .filter { $0.job.owner == claim.owner }.count
        log.log("daemon.stopped", [("done", .int(summary.done)), ("failed", .int(summary.failed)),
                                   ("left_in_processing", .int(summary.leftInProcessing))])
        return summary
    }

    private func process(_ job: ClaimedJob) -> JobOutcome {
        let name = job.entry.name
        notify.status("running \(name)")
        let heartbeat = JobHeartbeat(job.url)
        lastProgressLog = Self.monotonic()
        let outcome = runner.run(job)
        heartbeat.stop()
        switch outcome {
        case .done(let summary):
            log.log("job.done", job: name, [("as", .text(summary.name)), ("output", .text(summary.output.path)),
                                            ("products", .int(summary.products)), ("banners", .int(summary.bannersWritten)),
                                            ("reused", .int(summary.bannersReused)), ("seconds", .number(summary.seconds)),
                                            ("attempts", .int(summary.attempts))])
        case .failed(let finalName, let failure):
            log.log(.error, "job.failed", job: name, [("as", .text(finalName)), ("code", .text(failure.code.rawValue)),
                                                      ("message", .text(failure.message)), ("attempts", .int(failure.attempts))])
        case .retry(let error, let attempts):
            log.log(.warning, "job.retry", job: name, [("code", .text(error.code.rawValue)), ("message", .text(error.description)),
                                                       ("attempts", .int(attempts.started))])
        case .interrupted:
            log.log("job.interrupted", job: name, [("message", .text("stopped after the banners in flight; stays in .processing/ and resumes on the next start"))])
        case .lost(let error):
            log.log(.error, "job.lost", job: name, [("message", .text(error.description))])
        }
        notify.status("watching \(configuration.layout.inbox.path)")
        return outcome
    }

    /// Seconds since boot as a date: only ever compared with itself.
    static func monotonic() -> Date {
        Date(timeIntervalSinceReferenceDate: ProcessInfo.processInfo.systemUptime)
    }

    private func progressed(_ job: ClaimedJob, _ progress: GenerationProgress) {
        notify.watchdog()
        let now = Self.monotonic()
        guard now.timeIntervalSince(lastProgressLog) >= configuration.progressInterval else { return }
        lastProgressLog = now
        var fields: [(String, WatchLog.Value)] = [("groups_done", .int(progress.groupsDone)), ("banners", .int(progress.bannersWritten)),
                                                  ("reused", .int(progress.bannersReused)), ("rejected", .int(progress.rejected))]
        if let total = progress.groupsTotal { fields.append(("groups_total", .int(total))) }
        log.log("job.progress", job: job.entry.name, fields)
        notify.status("running \(job.entry.name): \(progress.groupsDone)\(progress.groupsTotal.map { "/\($0)" } ?? "") product×size")
    }
}
