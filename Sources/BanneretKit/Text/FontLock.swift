import Foundation

/// The parsed `Fonts/fonts.lock`: which font files the renderer may use, and
/// the SHA-256 each must have.
public struct FontLock: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var file: String
        public var sha256: String
        public var package: String
    }

    public var entries: [Entry]

    /// Parses the tab-separated lock; `file` names the lock in error locations.
    public init(text: String, file: String) throws {
        var entries: [Entry] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let columns = line.split(separator: "\t").map(String.init)
            guard columns.count >= 3, columns[1].count == 64, columns[1].allSatisfy(\.isHexDigit),
                  !columns[0].contains("/") else {
                throw BanneretError(.fontLockInvalid,
                                    "expected 'file<TAB>sha256<TAB>debian-package<TAB>path' with a 64-digit hash",
                                    at: Location(file: file, line: index + 1))
            }
            entries.append(Entry(file: columns[0], sha256: columns[1].lowercased(), package: columns[2]))
        }
        guard !entries.isEmpty else {
            throw BanneretError(.fontLockInvalid, "the lock lists no fonts", at: Location(file: file))
        }
        self.entries = entries
    }

    /// A digest of the lock, so every banner's content address changes when a font does.
    public var fingerprint: String {
        var hasher = SHA256Hasher()
        for entry in entries {
            hasher.update(entry.file)
            hasher.update(entry.sha256)
        }
        return hasher.finish()
    }
}
