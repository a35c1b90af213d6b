import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Names of the temporary files outputs are written through, and the sweep
/// that removes the ones a killed run left behind.
///
/// A name carries the host and process that wrote it
/// (`.<target>.<host>.<pid>.<random>.tmp`), so several runs sharing one
/// output folder (shards on a shared volume) never remove each other's live
/// files: a temp file is stale when its process on this host is gone, or,
/// from another host, when nobody has touched it for an hour.
enum TemporaryFiles {
    static let suffix = ".tmp"
    static let staleAfter: TimeInterval = 3_600

    static let host: String = {
        var buffer = [CChar](repeating: 0, count: 256)
        gethostname(&buffer, buffer.count)
        let name = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return name.isEmpty ? "localhost" : name.replacingOccurrences(of: ".", with: "_")
    }()

    static func name(for target: String) -> String {
        ".\(target).\(host).\(getpid()).\(UInt32.random(in: 0 ... .max))\(suffix)"
    }

    /// Removes stale temporary files in `folder`; returns how many.
    @discardableResult
    static func sweep(_ folder: URL, now: Date = Date()) -> Int {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        var removed = 0
        for name in names where name.hasPrefix(".") && name.hasSuffix(suffix) {
            let parts = name.dropLast(suffix.count).split(separator: ".")
            guard parts.count >= 4, let pid = Int32(parts[parts.count - 2]) else { continue }
            let writerHost = String(parts[parts.count - 3])
            let url = folder.appendingPathComponent(name)
            let stale: Bool
            if writerHost == host {
                stale = pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
            } else {
                let modified = (try? FileManager.default.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? now
                stale = now.timeIntervalSince(modified) > staleAfter
            }
            if stale, (try? FileManager.default.removeItem(at: url)) != nil { removed += 1 }
        }
        return removed
    }
}
