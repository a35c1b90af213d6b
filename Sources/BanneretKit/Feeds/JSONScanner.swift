/// A JSON parser over UTF-8 bytes (RFC 8259) that knows where it is: errors
/// carry line and column, and a JSON array's records each get the line they
/// start on. Nesting is limited so a hostile `[[[[…` cannot exhaust the stack.
struct JSONScanner {
    struct SyntaxError: Error, Equatable {
        var message: String
        var line: Int
        var column: Int
        /// Past ``JSONScanner/maximumDepth``: reported as `feed.too_deep`, like XML nested too deep.
        var tooDeep = false

        var code: BanneretError.Code { tooDeep ? .feedTooDeep : .feedSyntax }
    }

    static let maximumDepth = 64

    private let bytes: UnsafeBufferPointer<UInt8>
    private(set) var offset: Int
    private(set) var line: Int
    private var lineStart: Int
    private var depth = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int = 0, line: Int = 1) {
        self.bytes = bytes
        self.offset = offset
        self.line = line
        lineStart = offset
    }

    /// 1-based, in bytes from the start of the line.
    var column: Int { offset - lineStart + 1 }

    var isAtEnd: Bool { offset >= bytes.count }

    /// The next significant byte, after whitespace.
    mutating func peek() -> UInt8? {
        skipWhitespace()
        return offset < bytes.count ? bytes[offset] : nil
    }

    mutating func skipWhitespace() {
        while offset < bytes.count {
            switch bytes[offset] {
            case 0x20, 0x09, 0x0D: offset += 1
            case 0x0A:
                offset += 1
                line += 1
                lineStart = offset
            default: return
            }
        }
    }

    mutating func expect(_ byte: UInt8) throws(SyntaxError) {
        guard peek() == byte else {
            throw failure("expected '\(Character(Unicode.Scalar(byte)))'" + found())
        }
        offset += 1
    }

    /// Consumes `byte` if it comes next.
    mutating func take(_ byte: UInt8) -> Bool {
        guard peek() == byte else { return false }
        offset += 1
        return true
    }

    mutating func value() throws(SyntaxError) -> FeedValue {
        guard let byte = peek() else { throw failure("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0") ... UInt8(ascii: "9"): return .number(try number())
        default: throw failure("unexpected character" + found())
        }
    }

    /// A record: a JSON object read straight into ``FeedFields`` (nil when
    /// the next value is not an object; it is then skipped).
    mutating func record() throws(SyntaxError) -> FeedFields? {
        guard peek() == UInt8(ascii: "{") else {
            _ = try value()
            return nil
        }
        var fields = FeedFields()
        fields.reserveCapacity(16)
        try members { fields[$0] = $1 }
        return fields
    }

    private mutating func object() throws(SyntaxError) -> FeedValue {
        var fields: [String: FeedValue] = [:]
        try members { fields[$0] = $1 }
        return .object(fields)
    }

    /// The members of the object that starts at the cursor, in order; a repeated key's last value wins.
    private mutating func members(_ body: (String, FeedValue) -> Void) throws(SyntaxError) {
        try enter()
        offset += 1
        defer { depth -= 1 }
        if take(UInt8(ascii: "}")) { return }
        repeat {
            guard peek() == UInt8(ascii: "\"") else { throw failure("expected a quoted key" + found()) }
            let key = try string()
            try expect(UInt8(ascii: ":"))
            body(key, try value())
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    /// The members of an object at the top of the document, each key read and its
    /// value left to `visit`, which must consume it: a wrapper's list of records is
    /// streamed record by record rather than built as one value.
    mutating func forEachTopLevelMember(_ visit: (String, inout JSONScanner) throws -> Void) throws {
        try expect(UInt8(ascii: "{"))
        if take(UInt8(ascii: "}")) { return }
        repeat {
            _ = peek()
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try visit(key, &self)
        } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "}"))
    }

    private mutating func array() throws(SyntaxError) -> FeedValue {
        try enter()
        offset += 1
        var values: [FeedValue] = []
        if take(UInt8(ascii: "]")) { depth -= 1; return .array(values) }
        repeat { values.append(try value()) } while take(UInt8(ascii: ","))
        try expect(UInt8(ascii: "]"))
        depth -= 1
        return .array(values)
    }

    private mutating func enter() throws(SyntaxError) {
        depth += 1
        if depth > Self.maximumDepth {
            var error = failure("nested deeper than \(Self.maximumDepth) levels")
            error.tooDeep = true
            throw error
        }
    }

    private mutating func literal(_ word: String) throws(SyntaxError) {
        let begin = offset
        for expected in word.utf8 {
            guard offset < bytes.count, bytes[offset] == expected else {
                offset = begin
                throw failure("expected '\(word)'")
            }
            offset += 1
        }
    }

    /// The number's literal text, validated against the JSON grammar.
    private mutating func number() throws(SyntaxError) -> String {
        let begin = offset
        func digits() -> Int {
            let first = offset
            while offset < bytes.count, bytes[offset] >= 0x30, bytes[offset] <= 0x39 { offset += 1 }
            return offset - first
        }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        let integerStart = offset
        guard digits() > 0 else { throw failure("a number needs digits") }
        if bytes[integerStart] == UInt8(ascii: "0"), offset - integerStart > 1 {
            offset = integerStart
            throw failure("numbers cannot start with 0")
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { throw failure("a decimal point needs digits after it") }
        }
        if offset < bytes.count, bytes[offset] | 0x20 == UInt8(ascii: "e") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard digits() > 0 else { throw failure("an exponent needs digits") }
        }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[begin ..< offset]), as: UTF8.self)
    }

    /// A quoted string; the fast path slices it straight from the input.
    mutating func string() throws(SyntaxError) -> String {
        let quoteLine = line, quoteColumn = column
        offset += 1
        let begin = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[begin ..< offset])
                offset += 1
                return try validated(slice)
            }
            if byte == UInt8(ascii: "\\") { return try escapedString(from: begin) }
            if byte < 0x20 { throw failure(byte == 0x0A ? "a string is not closed before the end of the line" : "control character in a string") }
            offset += 1
        }
        throw SyntaxError(message: "a string opened here is never closed", line: quoteLine, column: quoteColumn)
    }

    private mutating func escapedString(from begin: Int) throws(SyntaxError) -> String {
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[begin ..< offset]))
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return try buffer.withUnsafeBufferPointer { pointer throws(SyntaxError) in try validated(pointer) }
            }
            if byte < 0x20 { throw failure("control character in a string") }
            guard byte == UInt8(ascii: "\\") else {
                buffer.append(byte)
                offset += 1
                continue
            }
            guard offset + 1 < bytes.count else { break }
            let escape = bytes[offset + 1]
            offset += 2
            switch escape {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): buffer.append(escape)
            case UInt8(ascii: "b"): buffer.append(0x08)
            case UInt8(ascii: "f"): buffer.append(0x0C)
            case UInt8(ascii: "n"): buffer.append(0x0A)
            case UInt8(ascii: "r"): buffer.append(0x0D)
            case UInt8(ascii: "t"): buffer.append(0x09)
            case UInt8(ascii: "u"):
                var scalar = try hexQuad()
                if (0xD800 ..< 0xDC00).contains(scalar) {
                    // A high surrogate must be followed by an escaped low one.
                    guard offset + 1 < bytes.count, bytes[offset] == UInt8(ascii: "\\"), bytes[offset + 1] == UInt8(ascii: "u") else {
                        throw failure("unpaired surrogate in \\u escape")
                    }
                    offset += 2
                    let low = try hexQuad()
                    guard (0xDC00 ..< 0xE000).contains(low) else { throw failure("unpaired surrogate in \\u escape") }
                    scalar = 0x10000 + (scalar - 0xD800) << 10 + (low - 0xDC00)
                } else if (0xDC00 ..< 0xE000).contains(scalar) {
                    throw failure("unpaired surrogate in \\u escape")
                }
                UTF8.encode(Unicode.Scalar(scalar)!) { buffer.append($0) }
            default:
                offset -= 2
                throw failure("unknown escape '\\\(Character(Unicode.Scalar(escape)))'")
            }
        }
        throw failure("a string is never closed")
    }

    private mutating func hexQuad() throws(SyntaxError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw failure("\\u needs four hex digits") }
        var value: UInt32 = 0
        for _ in 0 ..< 4 {
            let byte = bytes[offset]
            let digit: UInt8
            switch byte {
            case 0x30 ... 0x39: digit = byte - 0x30
            case 0x41 ... 0x46: digit = byte - 0x41 + 10
            case 0x61 ... 0x66: digit = byte - 0x61 + 10
            default: throw failure("\\u needs four hex digits")
            }
            value = value << 4 | UInt32(digit)
            offset += 1
        }
        return value
    }

    private func validated(_ slice: UnsafeBufferPointer<UInt8>) throws(SyntaxError) -> String {
        guard let text = UTF8Text.decode(slice) else {
            throw failure("a string holds bytes that are not UTF-8")
        }
        return text
    }

    private func found() -> String {
        guard offset < bytes.count else { return " but the input ends" }
        let byte = bytes[offset]
        return byte >= 0x20 && byte < 0x7F ? " but found '\(Character(Unicode.Scalar(byte)))'" : ""
    }

    func failure(_ message: String) -> SyntaxError {
        SyntaxError(message: message, line: line, column: column)
    }
}
