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
        let descriptor = open(url.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        self.descriptor = descriptor
        guard descriptor >= 0 else {
            throw BanneretError(.outputUnwritable, "cannot open the run journal: \(String(cString: strerror(errno)))",
                                at: Location(file: url.path))
        }
        // Scanned a megabyte at a time: the journal of a huge run can be hundreds of megabytes.
        var found: [String: (offset: Int, length: Int)] = [:]
        var complete = 0
        var carry: [UInt8] = []
        var carryStart = 0
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        var position = 0
        while true {
            let read = chunk.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(position)) }
            if read <= 0 { break }
            carry += chunk[0 ..< read]
            var lineStart = 0
            while let newline = carry[lineStart...].firstIndex(of: 0x0A) {
                if let tab = carry[lineStart ..< newline].firstIndex(of: 0x09) {
                    let key = String(decoding: carry[lineStart ..< tab], as: UTF8.self)
                    found[key] = (carryStart + tab + 1, newline - tab - 1)
                }
                lineStart = newline + 1
                complete = carryStart + lineStart
            }
            carry.removeFirst(lineStart)
            carryStart += lineStart
            position += read
        }
        index = found
        // A line without its newline was being written when the run died.
        if complete < position { ftruncate(descriptor, off_t(complete)) }
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
