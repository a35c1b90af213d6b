import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// What earlier runs finished, so a run started again (after `kill -9`, a
/// preempted pod, or simply a second time) renders only what is missing.
///
/// One line per finished group (one product at one template and size, all
/// its variants), keyed by a hash of every input that group depends on:
/// `<key> TAB <JSON array of manifest entries>`. Lines are appended and
/// fsynced as groups finish; a line torn by a crash is cut off when the
/// journal is opened. Only an index (key → where its line is) stays in
/// memory, so resuming a huge run costs little.
final class OutputJournal {
    let url: URL
    private var index: [String: (offset: Int, length: Int)] = [:]
    private let descriptor: Int32
    private var end: Int
    private var pending = Data()

    init(url: URL) throws {
        self.url = url
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw BanneretError(.outputUnwritable, "cannot open the run journal: \(String(cString: strerror(errno)))",
                                at: Location(file: url.path))
        }
        let data = (try? Data(contentsOf: url)) ?? Data()
        var lineStart = 0
        var complete = 0
        var found: [String: (offset: Int, length: Int)] = [:]
        data.withUnsafeBytes { raw in
            let bytes = raw.bindMemory(to: UInt8.self)
            for position in 0 ..< bytes.count where bytes[position] == 0x0A {
                if let tab = bytes[lineStart ..< position].firstIndex(of: 0x09) {
                    let key = String(decoding: bytes[lineStart ..< tab], as: UTF8.self)
                    found[key] = (tab + 1, position - tab - 1)
                }
                lineStart = position + 1
                complete = position + 1
            }
        }
        index = found
        // A line without its newline was being written when the run died.
        if complete < data.count { ftruncate(descriptor, off_t(complete)) }
        end = complete
    }

    deinit { close(descriptor) }

    var count: Int { index.count }

    /// The entries an earlier run recorded for `key`.
    func entries(for key: String) -> [ManifestEntry]? {
        guard let place = index[key] else { return nil }
        var buffer = [UInt8](repeating: 0, count: place.length)
        let read = buffer.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, place.length, off_t(place.offset)) }
        guard read == place.length else { return nil }
        return try? JSONDecoder().decode([ManifestEntry].self, from: Data(buffer))
    }

    func record(_ key: String, entries: [ManifestEntry]) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = try encoder.encode(entries)
        let offset = end + pending.count + key.utf8.count + 1
        pending.append(Data(key.utf8))
        pending.append(0x09)
        pending.append(json)
        pending.append(0x0A)
        index[key] = (offset, json.count)
    }

    /// Writes what was recorded and makes it durable.
    func flush() throws {
        guard !pending.isEmpty else { return }
        let failure: Int32 = pending.withUnsafeBytes { raw in
            var written = 0
            while written < raw.count {
                let result = pwrite(descriptor, raw.baseAddress! + written, raw.count - written, off_t(end + written))
                if result < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                written += result
            }
            return fsync(descriptor) == 0 ? 0 : errno
        }
        guard failure == 0 else {
            throw BanneretError(.outputUnwritable, "cannot write the run journal: \(String(cString: strerror(failure)))",
                                at: Location(file: url.path))
        }
        end += pending.count
        pending.removeAll(keepingCapacity: true)
    }

    /// Rewrites the journal with only the groups this run used, so it does not
    /// grow with every feed change.
    func compact(keeping keys: [String]) throws {
        try flush()
        // Streamed line by line: the journal of a huge run is bigger than we want in memory.
        let output = try StreamingOutput(url: url)
        var buffer = Data()
        for key in keys {
            guard let place = index[key] else { continue }
            var line = [UInt8](repeating: 0, count: place.length)
            _ = line.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, place.length, off_t(place.offset)) }
            buffer.append(Data(key.utf8))
            buffer.append(0x09)
            buffer.append(contentsOf: line)
            buffer.append(0x0A)
            if buffer.count > 1 << 20 {
                try output.append(buffer)
                buffer.removeAll(keepingCapacity: true)
            }
        }
        do {
            try output.append(buffer)
            try output.publish()
        } catch {
            output.abandon()
            throw error
        }
    }
}
