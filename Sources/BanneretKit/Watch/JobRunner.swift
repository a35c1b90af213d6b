import Foundation

/// Runs one claimed job to an end: its results into `<out>/<job>/` through
/// the same ``Generator`` as `banneret generate` (resumable, files written
/// atomically, manifest published by one rename), then the job into
/// `.done/` or `.failed/`. Whatever the job holds, the runner returns an
/// outcome instead of stopping the daemon.
public final class JobRunner {
    public let configuration: WatchConfiguration
    public let engines: EngineCache
    let claim: JobClaim
    let log: WatchLog
    let cancellation: CancellationFlag
    /// Called after each chunk of a running job.
    var onProgress: @Sendable (ClaimedJob, GenerationProgress) -> Void = { _, _ in }

    public init(configuration: WatchConfiguration, engines: EngineCache, claim: JobClaim, log: WatchLog,
                cancellation: CancellationFlag) {
        self.configuration = configuration
        self.engines = engines
        self.claim = claim
        self.log = log
        self.cancellation = cancellation
    }

    /// Failures of the job's own inputs happen again on every try; these do not
    /// necessarily: the network, a full disk, an interruption, an internal error.
    static let retryable: Set<BanneretError.Code> = [.interrupted, .imageFetchFailed, .outputUnwritable, .renderFailed,
                                                     .encodeFailed, .fontConfigFailed]

    public func run(_ job: ClaimedJob) -> JobOutcome {
        let entry = job.entry
        let stateURL = configuration.attempts(for: entry)
        // A stop asked for before the job began does not count as a start.
        guard !cancellation.isCancelled else { return .interrupted }
        do {
            guard let lock = try OutputLock.acquire(configuration.lock(for: entry), cancellation: cancellation, onWait: {
                log.log("job.waiting", job: entry.name, [("reason", .text("another job of the same name is writing \(configuration.results(for: entry).path)"))])
            }) else { return .interrupted }
            defer { withExtendedLifetime(lock) {} }
            let results = configuration.results(for: entry)
            // Left by a run of this job that died: only this job writes here, and it holds the lock.
            TemporaryFiles.sweep(results)
            TemporaryFiles.sweep(results.appendingPathComponent(".banneret"))
            TemporaryFiles.sweep(configuration.stateFolder)
            guard let stamp = FileStamp.of(job.url.path) else {
                return .lost(BanneretError(.jobMissing, "the job left .processing/ before it ran", at: Location(file: job.url.path)))
            }
            var attempts = JobAttempts.begin(after: JobAttempts.load(stateURL), job: stamp,
                                             progress: ResultFolder.journalSize(results))
            try attempts.save(stateURL)
            log.log("job.started", job: entry.name, [("attempt", .int(attempts.started)), ("kind", .text(entry.kind.rawValue)),
                                                     ("output", .text(results.path))])
            let outcome: JobOutcome
            if attempts.exhausted(limit: configuration.maxAttempts) {
                let error = BanneretError(.jobQuarantined, "set aside after \(attempts.withoutProgress - 1) starts in a row that "
                    + "finished nothing (the daemon stopped while running it, or it failed in a way worth retrying)"
                    + (attempts.lastError.map { "; last error: \($0)" } ?? "")
                    + ". Fix what stops it and move it back into the inbox.", at: Location(file: job.url.path))
                outcome = try fail(job, error, attempts: attempts)
            } else {
                outcome = try render(job, into: results, attempts: attempts)
            }
            switch outcome {
            case .retry(let error, _):
                attempts.lastError = error.description
                try? attempts.save(stateURL)
                return .retry(error, attempts: attempts)
            case .done, .failed, .lost:
                try? FileManager.default.removeItem(at: stateURL)
            case .interrupted:
                // Asked to stop (a deploy, a restart): no sign the job is to blame, so this start does not count against it.
                attempts.withoutProgress = max(0, attempts.withoutProgress - 1)
                attempts.progress = ResultFolder.journalSize(results)
                try? attempts.save(stateURL)
            }
            return outcome
        } catch let error as BanneretError {
            if error.code == .jobMissing { return .lost(error) }
            return .retry(error, attempts: JobAttempts.load(stateURL) ?? Self.unknownAttempts)
        } catch {
            return .retry(BanneretError(.outputUnwritable, "\(error)"), attempts: JobAttempts.load(stateURL) ?? Self.unknownAttempts)
        }
    }

    private static let unknownAttempts = JobAttempts(inode: 0, device: 0, withoutProgress: 1, started: 1, progress: 0)

    private func render(_ job: ClaimedJob, into results: URL, attempts: JobAttempts) throws -> JobOutcome {
        let spec: JobSpec
        let generator: Generator
        do {
            spec = try JobSpecLoader.load(job.entry, at: job.url, inbox: configuration.layout.inbox, defaults: configuration.defaults)
            let (found, reused) = try engines.generator(brand: spec.brand, templates: spec.templates)
            generator = found
            if !reused {
                log.log("engine.loaded", job: job.entry.name, [("brand", .text(spec.brand.path)),
                                                               ("templates", .int(generator.engine.templates.count))])
            }
        } catch let error as BanneretError {
            if error.code == .jobMissing, FileStamp.of(job.url.path) == nil { return .lost(error) }
            return try settle(job, error, attempts: attempts)
        }
        // Pictures of earlier jobs that changed or moved on are let go; a file replaced under the same path is read again.
        generator.engine.images.removeChanged()
        var options = spec.generationOptions(output: results, jobs: configuration.jobs)
        options.chunkSize = max(1, configuration.chunkSize)
        options.cancellation = cancellation
        options.collectResults = false
        let progress = onProgress
        options.progress = { progress(job, $0) }
        let report: GenerationReport
        do {
            report = try generator.run(options)
        } catch let error as BanneretError {
            return try settle(job, error, attempts: attempts)
        }
        for notice in report.notices {
            log.log(.warning, "job.warning", job: job.entry.name, [("code", .text(notice.code.rawValue)), ("message", .text(notice.description))])
        }
        if report.interrupted { return .interrupted }
        if report.retryable {
            let first = ResultFolder.firstRejection(results)?.error
            return .retry(BanneretError(first?.code ?? .interrupted, "\(report.rejectedCount) banner(s) may succeed when tried again"
                                        + (first.map { "; the first: \($0)" } ?? "")), attempts: attempts)
        }
        // The manifest is published: what it does not list is an earlier job's.
        ResultFolder.prune(results)
        if report.rejectedCount > 0 {
            let first = ResultFolder.firstRejection(results)
            let what = [first?.productID, first?.size].compactMap { $0 }.joined(separator: " @ ")
            let error = BanneretError(first?.error.code ?? .renderFailed,
                                      "\(report.rejectedCount) banner(s) or record(s) rejected, all listed in "
                                      + results.appendingPathComponent("errors.jsonl").path
                                      + (first.map { "; the first\(what.isEmpty ? "" : " (\(what))"): \($0.error.message)" } ?? ""),
                                      at: first?.error.location)
            let failure = JobFailure(job: job.entry.name, error: error, attempts: attempts.started,
                                     rejected: report.rejectedCount, output: results.path)
            return .failed(name: try claim.fail(job, failure), failure)
        }
        let name = try claim.complete(job)
        return .done(JobSummary(name: name, output: results, products: report.productsRead, bannersWritten: report.bannersWritten,
                                bannersReused: report.bannersReused, seconds: report.seconds, attempts: attempts.started))
    }

    /// An error that ended a run: worth another try, or the job's own fault.
    private func settle(_ job: ClaimedJob, _ error: BanneretError, attempts: JobAttempts) throws -> JobOutcome {
        if Self.retryable.contains(error.code) { return .retry(error, attempts: attempts) }
        return try fail(job, error, attempts: attempts)
    }

    private func fail(_ job: ClaimedJob, _ error: BanneretError, attempts: JobAttempts) throws -> JobOutcome {
        let failure = JobFailure(job: job.entry.name, error: error, attempts: attempts.started)
        return .failed(name: try claim.fail(job, failure), failure)
    }
}
