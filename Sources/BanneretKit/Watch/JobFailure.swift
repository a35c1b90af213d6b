import Foundation

/// Why a job is in `.failed/`: the `<name>.error.json` written beside it,
/// which a person reads to fix the job and a script reads by `code`.
public struct JobFailure: Sendable, Equatable, Codable {
    /// The job's name as it was dropped.
    public var job: String
    public var code: BanneretError.Code
    public var message: String
    public var location: Location?
    /// Times the job was started, this one included.
    public var attempts: Int
    /// Banners or feed records rejected, when the run got that far (all are listed in the results' `errors.jsonl`).
    public var rejected: Int?
    /// The results folder, when the run wrote one.
    public var output: String?
    public var failedAt: String

    enum CodingKeys: String, CodingKey {
        case job, code, message, location, attempts, rejected, output
        case failedAt = "failed_at"
    }

    public init(job: String, error: BanneretError, attempts: Int, rejected: Int? = nil, output: String? = nil,
                at date: Date = Date()) {
        self.job = job
        code = error.code
        message = error.message
        location = error.location
        self.attempts = attempts
        self.rejected = rejected
        self.output = output
        failedAt = ISO8601DateFormatter().string(from: date)
    }

    public var error: BanneretError { BanneretError(code, message, at: location) }

    public func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return try encoder.encode(self) + Data("\n".utf8)
    }
}
