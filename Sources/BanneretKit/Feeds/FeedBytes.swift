import Foundation

/// A feed's content as UTF-8 bytes in one contiguous buffer, whatever it was
/// written in.
///
/// UTF-8 files are memory-mapped, and the pages a reader has finished with
/// are handed back with ``release(upTo:)``, so a multi-gigabyte feed is read
/// with bounded memory and the parsers still see one simple buffer. Files in
/// UTF-16 (with a BOM) or Latin-1/Windows-1252 are transcoded into memory; a
/// ``notice`` says what was assumed.
final class FeedBytes {
    let file: String
    /// Set when the file was not UTF-8 and was transcoded.
    private(set) var notice: BanneretError?
    private var mapped: UnsafeMutableRawPointer?
    private var mappedLength = 0
    private var owned: [UInt8] = []
    /// Bytes before this offset (a BOM) are not part of the text.
    private var start = 0
    private var released = 0

    init(contentsOf url: URL, maximumBytes: Int = FeedReader.Options.defaultMaximumBytes) throws(BanneretError) {
        file = url.path
        let descriptor = open(url.path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            throw BanneretError(.feedMissing, "feed file not found or unreadable (\(String(cString: strerror(errno))))",
                                at: Location(file: url.path))
        }
        defer { close(descriptor) }
        var status = stat()
        if fstat(descriptor, &status) == 0, Int(status.st_size) > maximumBytes {
            throw Self.tooLarge(file: url.path, bytes: Int(status.st_size), maximum: maximumBytes)
        }
        if (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0,
           let pointer = mmap(nil, Int(status.st_size), PROT_READ, MAP_PRIVATE, descriptor, 0), pointer != MAP_FAILED {
            mapped = pointer
            mappedLength = Int(status.st_size)
            madvise(pointer, mappedLength, MADV_SEQUENTIAL)
        } else if (status.st_mode & S_IFMT) != S_IFREG || status.st_size > 0 {
            // Pipes and other streams cannot be mapped: read them whole.
            owned = try Self.readAll(descriptor, file: url.path, maximumBytes: maximumBytes)
        }
        try decode()
    }

    /// For tests and in-memory feeds.
    init(_ data: some Collection<UInt8>, file: String,
         maximumBytes: Int = FeedReader.Options.defaultMaximumBytes) throws(BanneretError) {
        self.file = file
        guard data.count <= maximumBytes else { throw Self.tooLarge(file: file, bytes: data.count, maximum: maximumBytes) }
        owned = Array(data)
        try decode()
    }

    deinit {
        if let mapped { munmap(mapped, mappedLength) }
    }

    /// Runs `body` over the text's bytes (BOM excluded).
    func withBytes<R, E: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(E) -> R) throws(E) -> R {
        if let mapped {
            let all = UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: mappedLength)
            return try body(UnsafeBufferPointer(rebasing: all[start...]))
        }
        return try owned.withUnsafeBufferPointer { all throws(E) in try body(UnsafeBufferPointer(rebasing: all[start...])) }
    }

    /// Gives the mapped pages before `offset` (relative to ``withBytes(_:)``)
    /// back to the kernel. Reading them again still works: they are re-read
    /// from the file.
    func release(upTo offset: Int) {
        guard let mapped else { return }
        let page = Int(sysconf(Int32(_SC_PAGESIZE)))
        let end = (start + offset) / page * page
        guard end - released >= 16 << 20 else { return }
        madvise(mapped + released, end - released, MADV_DONTNEED)
        released = end
    }

    private func byte(_ index: Int) -> UInt8? {
        if let mapped { return index < mappedLength ? mapped.load(fromByteOffset: index, as: UInt8.self) : nil }
        return index < owned.count ? owned[index] : nil
    }

    private var count: Int { mapped != nil ? mappedLength : owned.count }
    /// The feed's size in bytes, after any re-encoding to UTF-8.
    var byteCount: Int { count }

    /// Tells the encoding from the BOM, else from whether the first 64 KB are
    /// valid UTF-8, and transcodes what is not UTF-8.
    private func decode() throws(BanneretError) {
        let head = (0 ..< min(count, 4)).compactMap(byte)
        if head.starts(with: [0xEF, 0xBB, 0xBF]) {
            start = 3
            return
        }
        if head.starts(with: [0xFF, 0xFE]) || head.starts(with: [0xFE, 0xFF]) {
            let littleEndian = head[0] == 0xFF
            try transcodeUTF16(littleEndian: littleEndian)
            notice = BanneretError(.feedEncoding, "read as UTF-16 \(littleEndian ? "LE" : "BE") (byte-order mark)",
                                   at: Location(file: file))
            return
        }
        // UTF-16 without a BOM: ASCII text shows as every other byte zero.
        let sample = (0 ..< min(count, 4096)).compactMap(byte)
        if sample.count >= 8 {
            let oddZeros = stride(from: 1, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            let evenZeros = stride(from: 0, to: sample.count, by: 2).filter { sample[$0] == 0 }.count
            if oddZeros > sample.count * 2 / 5 || evenZeros > sample.count * 2 / 5 {
                let littleEndian = oddZeros > evenZeros
                try transcodeUTF16(littleEndian: littleEndian)
                notice = BanneretError(.feedEncoding, "no byte-order mark, but the bytes look like UTF-16 "
                                       + (littleEndian ? "LE" : "BE") + "; read as such", at: Location(file: file))
                return
            }
        }
        let window = (0 ..< min(count, 64 << 10)).compactMap(byte)
        let (valid, invalid) = Self.countUTF8Sequences(window, allowingTruncatedEnd: count > window.count)
        // UTF-8 with a few corrupt bytes (its records are rejected one by one) rather than Latin-1
        // when real multi-byte characters outnumber the bad bytes.
        if invalid == 0 || valid >= invalid { return }
        // Not UTF-8: shop exports from older systems are Windows-1252, whose
        // printable range is a superset of Latin-1.
        owned = Self.windows1252ToUTF8(withAllBytes())
        dropMapping()
        notice = BanneretError(.feedEncoding, "not UTF-8; read as Windows-1252 (Latin-1). Save the feed as UTF-8 to be sure",
                               at: Location(file: file))
    }

    private func withAllBytes() -> [UInt8] {
        if let mapped { return Array(UnsafeBufferPointer(start: mapped.assumingMemoryBound(to: UInt8.self), count: mappedLength)) }
        return owned
    }

    private func dropMapping() {
        if let mapped { munmap(mapped, mappedLength) }
        mapped = nil
        mappedLength = 0
        start = 0
    }

    private func transcodeUTF16(littleEndian: Bool) throws(BanneretError) {
        let bytes = withAllBytes()
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = 0
        while index + 1 < bytes.count {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        if units.first == 0xFEFF { units.removeFirst() }
        var output: [UInt8] = []
        output.reserveCapacity(units.count * 2)
        var decoder = UTF16()
        var iterator = units.makeIterator()
        var bad = 0
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar): UTF8.encode(scalar) { output.append($0) }
            case .emptyInput: break loop
            case .error:
                bad += 1
                UTF8.encode("\u{FFFD}") { output.append($0) }
            }
        }
        if bad > 0, bad * 100 > units.count {
            throw BanneretError(.feedEncoding, "looks like UTF-16 but \(bad) code units are unpaired surrogates",
                                at: Location(file: file))
        }
        owned = output
        dropMapping()
    }

    /// Well-formed multi-byte sequences and malformed bytes. Overlongs and
    /// surrogates are left to each field's own validation.
    static func countUTF8Sequences(_ bytes: [UInt8], allowingTruncatedEnd: Bool) -> (valid: Int, invalid: Int) {
        var valid = 0, invalid = 0
        var index = 0
        while index < bytes.count {
            let lead = bytes[index]
            if lead < 0x80 { index += 1; continue }
            let length = lead >= 0xF0 && lead <= 0xF4 ? 4 : lead >= 0xE0 && lead < 0xF0 ? 3 : lead >= 0xC2 && lead < 0xE0 ? 2 : 0
            if index + max(length, 1) > bytes.count {
                if !allowingTruncatedEnd { invalid += 1 }
                break
            }
            if length > 0, bytes[(index + 1) ..< (index + length)].allSatisfy({ $0 & 0xC0 == 0x80 }) {
                valid += 1
                index += length
            } else {
                invalid += 1
                index += 1
            }
        }
        return (valid, invalid)
    }

    /// The 0x80–0x9F range of Windows-1252; the rest of Latin-1 maps to itself.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD,
        0x017D, 0xFFFD, 0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A,
        0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 { output.append(byte); continue }
            let value = byte < 0xA0 ? windows1252High[Int(byte - 0x80)] : UInt32(byte)
            UTF8.encode(Unicode.Scalar(value)!) { output.append($0) }
        }
        return output
    }

    static func tooLarge(file: String, bytes: Int, maximum: Int) -> BanneretError {
        BanneretError(.feedTooLarge, "the feed is \(bytes) bytes or more; at most \(maximum) are read (raise --max-feed-mb)",
                      at: Location(file: file))
    }

    private static func readAll(_ descriptor: Int32, file: String, maximumBytes: Int) throws(BanneretError) -> [UInt8] {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 20)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                throw BanneretError(.feedMissing, "cannot read the feed (\(String(cString: strerror(errno))))", at: Location(file: file))
            }
            if count == 0 { return bytes }
            bytes += chunk[0 ..< count]
            if bytes.count > maximumBytes { throw tooLarge(file: file, bytes: bytes.count, maximum: maximumBytes) }
        }
    }
}
