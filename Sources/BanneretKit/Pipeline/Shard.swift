import Foundation

/// One slice of a run split across machines: products are dealt to shards by
/// a stable hash of their id, so every shard of every retry agrees on who
/// renders what, whatever order the feed is in.
public struct Shard: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    public init(index: Int, count: Int) throws {
        guard count >= 1, count <= 100_000, (0 ..< count).contains(index) else {
            throw BanneretError(.shardInvalid, "shard \(index) of \(count): the index must be within 0..<count")
        }
        self.index = index
        self.count = count
    }

    /// `3/16` as `--shard` takes it.
    public init(parsing text: String) throws {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else {
            throw BanneretError(.shardInvalid, "--shard takes INDEX/COUNT, e.g. 3/16, not '\(text)'")
        }
        try self.init(index: index, count: count)
    }

    /// The shard a job engine assigned through its environment: Kubernetes
    /// Indexed Jobs (`JOB_COMPLETION_INDEX`, with the count from
    /// `countOverride` or `BANNERET_SHARD_COUNT`), AWS Batch array jobs
    /// (`AWS_BATCH_JOB_ARRAY_INDEX`, `AWS_BATCH_JOB_ARRAY_SIZE`), Cloud Run
    /// jobs (`CLOUD_RUN_TASK_INDEX`, `CLOUD_RUN_TASK_COUNT`). nil when none is set.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment,
                                       countOverride: Int? = nil) throws -> Shard? {
        let pairs: [(index: String, count: String?, engine: String)] = [
            ("JOB_COMPLETION_INDEX", "BANNERET_SHARD_COUNT", "Kubernetes Indexed Job"),
            ("AWS_BATCH_JOB_ARRAY_INDEX", "AWS_BATCH_JOB_ARRAY_SIZE", "AWS Batch array job"),
            ("CLOUD_RUN_TASK_INDEX", "CLOUD_RUN_TASK_COUNT", "Cloud Run job"),
        ]
        for pair in pairs {
            guard let indexText = environment[pair.index] else { continue }
            guard let index = Int(indexText) else {
                throw BanneretError(.shardInvalid, "\(pair.index)='\(indexText)' is not a number")
            }
            guard let count = countOverride ?? pair.count.flatMap({ environment[$0] }).flatMap(Int.init) else {
                throw BanneretError(.shardInvalid, "\(pair.engine): \(pair.index) is set but not the shard count; "
                                    + "give --shard-count or \(pair.count ?? "BANNERET_SHARD_COUNT")")
            }
            return try Shard(index: index, count: count)
        }
        return nil
    }

    /// FNV-1a of the id: stable across machines, runs and Swift versions (unlike `Hasher`).
    public func owns(productID: String) -> Bool {
        Int(StableHash.fnv1a(productID) % UInt64(count)) == index
    }

    /// `-00003-of-00016`, the suffix of this shard's manifest and errors.
    public var fileSuffix: String { String(format: "-%05d-of-%05d", index, count) }

    public var description: String { "\(index)/\(count)" }
}
