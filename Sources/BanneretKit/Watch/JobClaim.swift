import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Moves jobs through their life by atomic renames, which are also the only
/// lock: of two daemons renaming the same entry, exactly one succeeds, and
/// the other finds the source gone. Nothing is copied, so a job is never
/// half in one place and half in another, however the daemon dies.
public struct JobClaim: Sendable {
    public let layout: InboxLayout
    public let owner: JobOwner

    public init(layout: InboxLayout, owner: JobOwner = .current) {
        self.layout = layout
        self.owner = owner
    }

    /// Takes a job from the inbox into `.processing/`; nil when another
    /// daemon took it first (or its writer removed it).
    public func claim(_ entry: JobEntry) throws -> ClaimedJob? {
        // The marker goes first: if the daemon dies between the two steps, the
        // entry is still complete and is taken after its settle time, whereas
        // a marker left behind would let a later upload of the same name be
        // taken while it is still being written.
        unlink(layout.inbox.appendingPathComponent(entry.markerName).path)
        let target = layout.processing.appendingPathComponent(owner.claimName(for: entry.name))
        switch ExclusiveRename.move(layout.inbox.appendingPathComponent(entry.name), to: target) {
        case .moved: return ClaimedJob(entry: entry, owner: owner, url: target)
        case .sourceGone: return nil
        case .targetTaken:
            // An earlier life of this daemon (same host and pid) left a job of this name; it is taken over first.
            return nil
        case .failed(let code):
            throw BanneretError(.outputUnwritable, "cannot move \(entry.name) into \(layout.processing.path): "
                                + String(cString: strerror(code)), at: Location(file: layout.inbox.path))
        }
    }

    /// A claimed job and how its owner is doing.
    public struct Held: Sendable {
        public var job: ClaimedJob
        public var state: OwnerState
        public var stamp: FileStamp
    }

    /// Every job in `.processing/`, with its owner's state.
    public func held(liveness: OwnerLiveness, now: Date = Date()) -> [Held] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: layout.processing.path) else { return [] }
        var result: [Held] = []
        for name in names.sorted() where !name.hasPrefix(".") {
            guard let (jobName, jobOwner) = JobOwner.parse(claimName: name) else { continue }
            let url = layout.processing.appendingPathComponent(name)
            guard let stamp = FileStamp.of(url.path) else { continue }
            // A claimed folder whose job.yaml went missing is still a folder job: loading it says what is wrong.
            let entry = JobEntry.classify(name: jobName, isDirectory: stamp.isDirectory) { true }
                ?? JobEntry(name: jobName, kind: stamp.isDirectory ? .folder : .jobFile)
            let state = liveness.state(of: jobOwner, claimName: name, changed: stamp.changedDate,
                                       touched: stamp.modifiedDate, now: now, me: owner)
            result.append(Held(job: ClaimedJob(entry: entry, owner: jobOwner, url: url), state: state, stamp: stamp))
        }
        return result
    }

    /// Takes over a job whose owner is dead; nil when another daemon was quicker.
    public func takeOver(_ job: ClaimedJob) throws -> ClaimedJob? {
        let target = layout.processing.appendingPathComponent(owner.claimName(for: job.entry.name))
        if target == job.url { return ClaimedJob(entry: job.entry, owner: owner, url: target) }
        switch ExclusiveRename.move(job.url, to: target) {
        case .moved: return ClaimedJob(entry: job.entry, owner: owner, url: target)
        case .sourceGone, .targetTaken: return nil
        case .failed(let code):
            throw BanneretError(.outputUnwritable, "cannot take over \(job.claimName): " + String(cString: strerror(code)),
                                at: Location(file: job.url.path))
        }
    }

    /// Moves a finished job into `.done/`; returns its name there.
    @discardableResult
    public func complete(_ job: ClaimedJob) throws -> String {
        try retire(job, into: layout.done) { _ in }
    }

    /// Writes the job's `error.json`, then moves it into `.failed/`; returns its name there.
    /// The report goes first, so a failed job is never found without its reason.
    @discardableResult
    public func fail(_ job: ClaimedJob, _ failure: JobFailure) throws -> String {
        try retire(job, into: layout.failed) { name in
            var report = failure
            report.location = report.location.map { relocate($0, from: job, to: layout.failed.appendingPathComponent(name)) }
            report.message = report.message.replacingOccurrences(of: job.url.path, with: layout.failed.appendingPathComponent(name).path)
            try AtomicFile.write(try report.encoded(), to: layout.errorReport(for: name))
        }
    }

    private func retire(_ job: ClaimedJob, into folder: URL, before: (String) throws -> Void) throws -> String {
        for _ in 0 ..< 1_000 {
            let name = InboxLayout.freeName(for: job.entry.name, kind: job.entry.kind, in: folder)
            try before(name)
            switch ExclusiveRename.move(job.url, to: folder.appendingPathComponent(name)) {
            case .moved: return name
            case .targetTaken: continue   // another daemon finished a job of the same name just now
            case .sourceGone:
                throw BanneretError(.jobMissing, "the job left .processing/ while it ran", at: Location(file: job.url.path))
            case .failed(let code):
                throw BanneretError(.outputUnwritable, "cannot move \(job.claimName) into \(folder.path): "
                                    + String(cString: strerror(code)), at: Location(file: job.url.path))
            }
        }
        throw BanneretError(.outputUnwritable, "no free name for \(job.entry.name) in \(folder.path)", at: Location(file: folder.path))
    }

    /// Points a location inside the claimed job at the same place after the move.
    private func relocate(_ location: Location, from job: ClaimedJob, to url: URL) -> Location {
        func moved(_ path: String) -> String {
            guard path == job.url.path || path.hasPrefix(job.url.path + "/") else { return path }
            return url.path + path.dropFirst(job.url.path.count)
        }
        var result = location
        result.file = moved(result.file)
        result.element = result.element.map(moved)
        return result
    }
}
