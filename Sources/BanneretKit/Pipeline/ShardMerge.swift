import Foundation

/// Joins the per-shard manifests and error lists of a sharded run
/// (`manifest-00003-of-00016.jsonl`, …) into `manifest.jsonl` and
/// `errors.jsonl`, refusing to while any shard is missing: a shard writes
/// its manifest only when it has finished, so a missing one is still
/// running, or failed and will be retried.
public enum ShardMerge {
    public struct Summary: Sendable {
        public var shards: Int
        public var banners: Int
        public var errors: Int
    }

    public static func merge(folder: URL) throws -> Summary {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        var counts = Set<Int>()
        var manifests: [Int: String] = [:]
        for name in names {
            guard let (index, count) = parse(name, prefix: "manifest") else { continue }
            counts.insert(count)
            manifests[index] = name
        }
        guard let count = counts.first else {
            throw BanneretError(.feedMissing, "no shard manifests (manifest-NNNNN-of-NNNNN.jsonl) here", at: Location(file: folder.path))
        }
        guard counts.count == 1 else {
            throw BanneretError(.shardInvalid, "manifests of runs with different shard counts (\(counts.sorted())) share this folder",
                                at: Location(file: folder.path))
        }
        let missing = (0 ..< count).filter { manifests[$0] == nil }
        guard missing.isEmpty else {
            throw BanneretError(.interrupted, "\(missing.count) of \(count) shards have not finished: "
                                + missing.prefix(10).map(String.init).joined(separator: ", ") + (missing.count > 10 ? ", …" : ""),
                                at: Location(file: folder.path))
        }
        var seen = Set<String>()
        var manifest = Data()
        var banners = 0
        for index in 0 ..< count {
            let url = folder.appendingPathComponent(manifests[index]!)
            for line in try lines(of: url) {
                guard let entry = try? JSONDecoder().decode(ManifestEntry.self, from: line) else {
                    throw BanneretError(.feedSyntax, "a line is not a manifest entry", at: Location(file: url.path))
                }
                guard seen.insert(entry.id).inserted else { continue }
                manifest.append(line)
                manifest.append(0x0A)
                banners += 1
            }
        }
        var errors = Data()
        var errorCount = 0
        for index in 0 ..< count {
            let url = folder.appendingPathComponent(String(format: "errors-%05d-of-%05d.jsonl", index, count))
            for line in (try? lines(of: url)) ?? [] {
                errors.append(line)
                errors.append(0x0A)
                errorCount += 1
            }
        }
        try AtomicFile.write(manifest, to: folder.appendingPathComponent("manifest.jsonl"))
        try AtomicFile.write(errors, to: folder.appendingPathComponent("errors.jsonl"))
        return Summary(shards: count, banners: banners, errors: errorCount)
    }

    private static func parse(_ name: String, prefix: String) -> (Int, Int)? {
        guard name.hasPrefix(prefix + "-"), name.hasSuffix(".jsonl") else { return nil }
        let parts = name.dropFirst(prefix.count + 1).dropLast(6).split(separator: "-")
        guard parts.count == 3, parts[1] == "of", let index = Int(parts[0]), let count = Int(parts[2]), index < count else { return nil }
        return (index, count)
    }

    private static func lines(of url: URL) throws -> [Data] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BanneretError(.feedMissing, "cannot read", at: Location(file: url.path))
        }
        return data.split(separator: 0x0A).map { Data($0) }
    }
}
