import Foundation

/// How one run of a claimed job ended, and so where the job is now.
public enum JobOutcome: Sendable {
    /// Every banner was produced; the job is in `.done/`.
    case done(JobSummary)
    /// Something in the job itself is wrong and would be wrong again; the job
    /// is in `.failed/` (under `name`) beside its error report.
    case failed(name: String, JobFailure)
    /// Something outside the job failed (the network, a full disk); the job
    /// stays in `.processing/` to be run again.
    case retry(BanneretError, attempts: JobAttempts)
    /// A stop was requested; the job stays in `.processing/` and resumes where it stopped.
    case interrupted
    /// The job disappeared from `.processing/` while it ran (someone moved it away).
    case lost(BanneretError)
}

/// What a finished job produced.
public struct JobSummary: Sendable, Equatable {
    /// Its name in `.done/`.
    public var name: String
    public var output: URL
    public var products: Int
    public var bannersWritten: Int
    public var bannersReused: Int
    public var seconds: Double
    public var attempts: Int
}
