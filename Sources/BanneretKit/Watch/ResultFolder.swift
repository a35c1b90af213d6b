import Foundation

/// What the daemon reads from, and tidies in, a job's results folder.
enum ResultFolder {
    static let bannerExtensions: Set<String> = ["png", "jpg", "webp"]

    /// Size of the run journal: it grows as groups finish, so it measures progress.
    static func journalSize(_ folder: URL) -> Int64 {
        FileStamp.of(folder.appendingPathComponent(".banneret/groups.jsonl").path)?.size ?? 0
    }

    /// Removes banner files `manifest.jsonl` does not list, left by an earlier
    /// job of the same name, so the folder holds exactly what its manifest
    /// says. Only called after a run published its manifest. Returns how many.
    @discardableResult
    static func prune(_ folder: URL) -> Int {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("manifest.jsonl"), encoding: .utf8),
              let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return 0 }
        var listed = Set<String>()
        for line in text.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let path = object["path"] as? String else { return 0 }   // never prune against a manifest we cannot read
            listed.insert(path)
        }
        var removed = 0
        for name in names where !name.hasPrefix(".") && !listed.contains(name)
            && bannerExtensions.contains((name as NSString).pathExtension.lowercased()) {
            if (try? FileManager.default.removeItem(at: folder.appendingPathComponent(name))) != nil { removed += 1 }
        }
        return removed
    }

    /// The first rejection in `errors.jsonl`.
    static func firstRejection(_ folder: URL) -> RejectedItem? {
        guard let handle = FileHandle(forReadingAtPath: folder.appendingPathComponent("errors.jsonl").path) else { return nil }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 65_536)) ?? Data()
        guard let line = head.split(separator: 0x0A).first else { return nil }
        return try? JSONDecoder().decode(RejectedItem.self, from: Data(line))
    }
}
