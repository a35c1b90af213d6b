/// A problem fixed in lenient mode, reported to the user.
struct XMLRepair: Sendable, Equatable {
    var line: Int
    var column: Int
    var message: String
}

/// Why a document was refused. Lines and columns are 1-based; a column counts
/// UTF-8 bytes from the start of its line (a tab counts 1, "é" counts 2).
struct XMLFeedError: Error, Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        /// Not well-formed XML, or not XML at all.
        case syntax
        /// The document ends inside an element, comment, tag or other construct.
        case truncated
        /// A DOCTYPE declares entities; refused in every mode.
        case entityDeclaration
        /// Elements nest deeper than `MerchantCenterXMLParser.maximumDepth`.
        case tooDeep
        /// Bytes that are not UTF-8.
        case encoding
    }

    var kind: Kind
    var message: String
    var line: Int
    var column: Int
}

/// A byte-level XML parser for Google Merchant Center feeds: RSS 2.0 `<item>`s
/// and Atom `<entry>`s, read from one UTF-8 buffer in a single pass.
///
/// It checks well-formedness (tags, names, attributes, references, characters,
/// UTF-8) but not namespaces or DTD validity. Nothing but the five predefined
/// entities and numeric character references is ever expanded; a DOCTYPE is
/// skipped, never loaded, and refused when it declares entities. Every input is
/// read in time linear in its size.
///
/// Lines count LF, CR LF and lone CR as one break each. Columns count bytes.
enum MerchantCenterXMLParser {
    static let maximumDepth = 256
    static let maximumNameLength = 1_000
    static let maximumAttributes = 1_000
    static let maximumRepairs = 1_000

    /// Parses a whole document held in `bytes` (UTF-8). Calls `onItem` for every complete <item> (RSS 2.0) or <entry> (Atom), in document order, with the byte offset just past the item's closing tag (the caller uses it to release memory behind it).
    /// Strict mode throws at the first well-formedness error; lenient mode repairs what it can and returns the repairs.
    ///
    /// An item's fields are its child elements by local name (`g:price` and
    /// `price` are both `price`): text → `.string` (trimmed), element children →
    /// `.object`, a repeated field → `.array` in document order. An `<item>` or
    /// `<entry>` inside an item is an ordinary field. `link` holds one string:
    /// an Atom `href` with `rel="alternate"` or no `rel` (or an RSS `<link>` text)
    /// before a link with another `rel`, the first one among equals.
    ///
    /// In lenient mode an item the document ends inside is dropped; an item
    /// closed implicitly by an ancestor's end tag is delivered, with the offset
    /// of that end tag. Entity declarations, nesting deeper than
    /// `maximumDepth`, names over `maximumNameLength` bytes, more than
    /// `maximumAttributes` attributes and a document without a root element
    /// are errors in both modes.
    static func parse(_ bytes: UnsafeBufferPointer<UInt8>, lenient: Bool,
                      onItem: (FeedRecord, _ endOffset: Int) -> Void) throws(XMLFeedError) -> [XMLRepair] {
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            throw XMLFeedError(kind: .syntax, message: "the document is empty", line: 1, column: 1)
        }
        let tables = UnsafeMutablePointer<UInt8>.allocate(capacity: 512)
        defer { tables.deallocate() }
        fillTables(tables)
        var scanner = XMLScanner(p: base, end: bytes.count, lenient: lenient,
                                 classes: UnsafePointer(tables), nameFlags: UnsafePointer(tables + 256))
        try scanner.run(onItem)
        return scanner.finalRepairs()
    }

    /// Byte classes for character data (first 256 bytes) and name flags (next 256).
    private static func fillTables(_ t: UnsafeMutablePointer<UInt8>) {
        for b in 0..<256 {
            let byte = UInt8(b)
            var c = ByteClass.plain
            switch byte {
            case ASCII.lf: c = ByteClass.lineFeed
            case ASCII.lt: c = ByteClass.lessThan
            case ASCII.amp: c = ByteClass.ampersand
            case ASCII.gt: c = ByteClass.greaterThan
            case ASCII.tab: c = ByteClass.plain
            case 0..<0x20, 0x80...: c = ByteClass.special
            default: break
            }
            t[b] = c
            var n: UInt8 = 0
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "_"), ASCII.colon, 0x80...:
                n = NameFlag.start | NameFlag.part
            case UInt8(ascii: "0")...UInt8(ascii: "9"), ASCII.minus, UInt8(ascii: "."):
                n = NameFlag.part
            default: break
            }
            t[256 + b] = n
        }
    }
}

private enum ASCII {
    static let tab: UInt8 = 0x09
    static let lf: UInt8 = 0x0A
    static let cr: UInt8 = 0x0D
    static let space: UInt8 = 0x20
    static let bang: UInt8 = 0x21
    static let quote: UInt8 = 0x22
    static let hash: UInt8 = 0x23
    static let percent: UInt8 = 0x25
    static let amp: UInt8 = 0x26
    static let apos: UInt8 = 0x27
    static let minus: UInt8 = 0x2D
    static let slash: UInt8 = 0x2F
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let lt: UInt8 = 0x3C
    static let equals: UInt8 = 0x3D
    static let gt: UInt8 = 0x3E
    static let question: UInt8 = 0x3F
    static let lbracket: UInt8 = 0x5B
    static let rbracket: UInt8 = 0x5D
    static let x: UInt8 = 0x78
}

/// What a byte means in character data.
private enum ByteClass {
    static let plain: UInt8 = 0
    static let lineFeed: UInt8 = 1
    /// CR, control characters and every byte ≥ 0x80: `XMLScanner.character(at:run:collect:)` decides.
    static let special: UInt8 = 2
    static let lessThan: UInt8 = 3
    static let ampersand: UInt8 = 4
    static let greaterThan: UInt8 = 5
}

private enum NameFlag {
    static let part: UInt8 = 1
    static let start: UInt8 = 2
}

/// A well-formedness problem: thrown in strict mode, repaired in lenient mode.
/// Ranges are byte offsets into the document, turned into text only when reported.
private enum Problem {
    case bareAmpersand
    case unknownEntity(Int, Int)
    case forbiddenReference(Int, Int)
    case lessThanInText
    case cdataEndInText
    case forbiddenCharacter(UInt32)
    case invalidUTF8
    case doubleHyphenInComment
    case misplacedDeclaration
    case processingInstructionWithoutTarget
    case misplacedDoctype
    case textOutsideRoot(beforeRoot: Bool)
    case cdataOutsideRoot
    case secondRoot(Int, Int)
    case missingSpaceBeforeAttribute
    case attributeWithoutValue(Int, Int)
    case unquotedAttribute(Int, Int)
    case duplicateAttribute(Int, Int)
    case lessThanInAttribute
    case unexpectedInStartTag(Int, Int)
    case unclosedStartTag(Int, Int)
    case unclosedEndTag(Int, Int)
    case strayEndTag(Int, Int)

    var kind: XMLFeedError.Kind {
        if case .invalidUTF8 = self { return .encoding }
        return .syntax
    }
}

private enum Reference {
    case character(UInt32)
    /// `&` that starts no `&name;` or `&#…;`.
    case bare
    case unknownEntity
    /// A numeric reference to 0, a surrogate, a code point beyond U+10FFFF or a character XML forbids.
    case forbiddenCharacter
}

private enum Prefix { case match, mismatch, cutShort }

private struct OpenElement {
    var nameStart: Int
    var nameEnd: Int
    var line: Int
    var column: Int
}

/// An element inside the item being built (the item itself is the first).
private struct Node {
    var fields: [String: FeedValue] = [:]
    var hasChildren = false
    /// Rank of the `link` held in `fields`: 2 alternate (or no rel, or RSS text), 1 other rel, 0 none.
    var linkRank = 0
    /// For a `link` element: its `href` and that link's rank.
    var href: String?
    var hrefRank = 0
}

private struct XMLScanner {
    let p: UnsafePointer<UInt8>
    let end: Int
    let lenient: Bool
    let classes: UnsafePointer<UInt8>
    let nameFlags: UnsafePointer<UInt8>
    /// Offset after a byte order mark, if any.
    let documentStart: Int

    var pos: Int
    var line = 1
    var lineStart: Int

    var elements: [OpenElement] = []
    var rootSeen = false
    var doctypeSeen = false

    /// Index in `elements` of the open item, -1 outside items.
    var itemIndex = -1
    var itemLine = 0
    var nodes: [Node] = []
    var completed: (record: FeedRecord, end: Int)?

    /// Text of the innermost element of an item while it has no child
    /// elements: a range of the document while it is one contiguous run of
    /// bytes that need no decoding, else `scratch`.
    var collecting = false
    var rawStart = 0
    var rawEnd = 0
    var inScratch = false
    var scratch: [UInt8] = []

    var attributeNames: [Range<Int>] = []
    var attributeHashes: Set<Int> = []

    var repairs: [XMLRepair] = []
    var omittedRepairs = 0
    var firstOmitted = (line: 0, column: 0)

    init(p: UnsafePointer<UInt8>, end: Int, lenient: Bool, classes: UnsafePointer<UInt8>, nameFlags: UnsafePointer<UInt8>) {
        self.p = p
        self.end = end
        self.lenient = lenient
        self.classes = classes
        self.nameFlags = nameFlags
        let bom = end >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF
        documentStart = bom ? 3 : 0
        pos = documentStart
        lineStart = documentStart
        elements.reserveCapacity(MerchantCenterXMLParser.maximumDepth)
    }

    // MARK: Driver

    mutating func run(_ onItem: (FeedRecord, Int) -> Void) throws(XMLFeedError) {
        while pos < end {
            if elements.isEmpty { try misc() } else { try text() }
            guard pos < end else { break }
            try markup()
            if let item = completed {
                completed = nil
                onItem(item.record, item.end)
            }
        }
        try finish()
    }

    mutating func finish() throws(XMLFeedError) {
        guard rootSeen else {
            throw XMLFeedError(kind: .syntax, message: "the document has no root element (is this XML?)",
                               line: line, column: end - lineStart + 1)
        }
        guard let innermost = elements.last else { return }
        let open = itemIndex >= 0 ? elements[itemIndex] : innermost
        let name = excerpt(open.nameStart, open.nameEnd)
        guard lenient else {
            throw XMLFeedError(kind: .truncated,
                               message: "the document ends inside <\(name)> opened at line \(open.line) (truncated?)",
                               line: open.line, column: open.column)
        }
        let message = itemIndex >= 0
            ? "document ends inside <\(name)> opened at line \(open.line); that item was dropped"
            : "document ends inside <\(name)> opened at line \(open.line)"
        addRepair(message, line: open.line, column: open.column)
    }

    func finalRepairs() -> [XMLRepair] {
        guard omittedRepairs > 0 else { return repairs }
        return repairs + [XMLRepair(line: firstOmitted.line, column: firstOmitted.column,
                                    message: "… and \(omittedRepairs) more repairs")]
    }

    // MARK: Reporting

    @inline(__always) func column(_ i: Int) -> Int { i - lineStart + 1 }

    mutating func problem(_ problem: Problem, at i: Int) throws(XMLFeedError) {
        try self.problem(problem, line: line, column: column(i))
    }

    mutating func problem(_ problem: Problem, line: Int, column: Int) throws(XMLFeedError) {
        guard lenient else {
            throw XMLFeedError(kind: problem.kind, message: describe(problem).error, line: line, column: column)
        }
        if repairs.count < MerchantCenterXMLParser.maximumRepairs {
            repairs.append(XMLRepair(line: line, column: column, message: describe(problem).repair))
        } else {
            noteOmittedRepair(line: line, column: column)
        }
    }

    mutating func addRepair(_ message: String, line: Int, column: Int) {
        if repairs.count < MerchantCenterXMLParser.maximumRepairs {
            repairs.append(XMLRepair(line: line, column: column, message: message))
        } else {
            noteOmittedRepair(line: line, column: column)
        }
    }

    mutating func noteOmittedRepair(line: Int, column: Int) {
        if omittedRepairs == 0 { firstOmitted = (line, column) }
        omittedRepairs += 1
    }

    /// The document ends inside `what`, which starts at `line`:`column`.
    /// Strict: a truncation error. Lenient: a repair, and reading stops.
    mutating func unterminated(_ what: String, line: Int, column: Int) throws(XMLFeedError) {
        guard lenient else {
            throw XMLFeedError(kind: .truncated, message: "the document ends inside \(what) (truncated?)",
                               line: line, column: column)
        }
        addRepair("\(what) is never closed; the rest of the document was ignored", line: line, column: column)
        pos = end
    }

    func describe(_ problem: Problem) -> (error: String, repair: String) {
        switch problem {
        case .bareAmpersand:
            return ("a bare '&' must be written &amp;", "bare '&' read as '&amp;'")
        case .unknownEntity(let s, let e):
            let ref = excerpt(s, e)
            return ("unknown entity '\(ref)': only &amp; &lt; &gt; &quot; &apos; and numeric references are defined",
                    "unknown entity '\(ref)' kept as text")
        case .forbiddenReference(let s, let e):
            let ref = excerpt(s, e)
            return ("'\(ref)' refers to a character XML does not allow", "'\(ref)' refers to a character XML does not allow; kept as text")
        case .lessThanInText:
            return ("a '<' that starts no tag must be written &lt;", "'<' that starts no tag read as '&lt;'")
        case .cdataEndInText:
            return ("']]>' is not allowed in text", "']]>' in text kept as text")
        case .forbiddenCharacter(let scalar):
            let name = Self.codePoint(scalar)
            return ("character \(name) is not allowed in XML", "character \(name), not allowed in XML, dropped")
        case .invalidUTF8:
            return ("bytes that are not UTF-8", "bytes that are not UTF-8 replaced by U+FFFD")
        case .doubleHyphenInComment:
            return ("'--' is not allowed inside a comment", "'--' inside a comment ignored")
        case .misplacedDeclaration:
            return ("the XML declaration must be '<?xml' at the very start of the document",
                    "misplaced XML declaration ignored")
        case .processingInstructionWithoutTarget:
            return ("'<?' must be followed by a name", "processing instruction without a name skipped")
        case .misplacedDoctype:
            return ("a DOCTYPE is only allowed once, before the root element", "misplaced DOCTYPE skipped")
        case .textOutsideRoot(let beforeRoot):
            return (beforeRoot ? "text before the root element (is this XML?)" : "text after the root element",
                    "text outside the root element ignored")
        case .cdataOutsideRoot:
            return ("a CDATA section outside the root element", "CDATA section outside the root element ignored")
        case .secondRoot(let s, let e):
            let name = excerpt(s, e)
            return ("a second root element <\(name)>", "second root element <\(name)> read as well")
        case .missingSpaceBeforeAttribute:
            return ("attributes must be separated by white space", "missing space before an attribute assumed")
        case .attributeWithoutValue(let s, let e):
            let name = excerpt(s, e)
            return ("attribute '\(name)' has no value", "attribute '\(name)' without a value ignored")
        case .unquotedAttribute(let s, let e):
            let name = excerpt(s, e)
            return ("the value of attribute '\(name)' must be quoted", "unquoted value of attribute '\(name)' read up to the next space")
        case .duplicateAttribute(let s, let e):
            let name = excerpt(s, e)
            return ("attribute '\(name)' appears twice", "repeated attribute '\(name)' ignored")
        case .lessThanInAttribute:
            return ("'<' is not allowed in an attribute value", "'<' in an attribute value kept")
        case .unexpectedInStartTag(let s, let e):
            let name = excerpt(s, e)
            return ("unexpected character in the start tag <\(name)>", "unexpected character in the start tag <\(name)> ignored")
        case .unclosedStartTag(let s, let e):
            let name = excerpt(s, e)
            return ("the start tag <\(name)> is not closed with '>'", "start tag <\(name)> closed where the next tag starts")
        case .unclosedEndTag(let s, let e):
            let name = excerpt(s, e)
            return ("the end tag </\(name)> must end with '>' right after its name",
                    "end tag </\(name)> read up to the next '>'")
        case .strayEndTag(let s, let e):
            let name = excerpt(s, e)
            return ("the end tag </\(name)> closes no open element", "stray end tag </\(name)> ignored")
        }
    }

    /// Document bytes as text for a message, at most 60 bytes of them.
    func excerpt(_ s: Int, _ e: Int) -> String {
        let limit = min(e, s + 60)
        let text = String(decoding: UnsafeBufferPointer(start: p + s, count: limit - s), as: UTF8.self)
        return limit < e ? text + "…" : text
    }

    static func codePoint(_ scalar: UInt32) -> String {
        let hex = String(scalar, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    // MARK: Characters

    /// Steps over the line break at `i` (LF, CR LF or a lone CR).
    @inline(__always) mutating func lineBreak(at i: Int) -> Int {
        var next = i + 1
        if p[i] == ASCII.cr && next < end && p[next] == ASCII.lf { next += 1 }
        line += 1
        lineStart = next
        return next
    }

    /// Handles the byte at `i` that is not printable ASCII: line breaks, tab,
    /// control characters and UTF-8 sequences. With `collect`, text kept so far
    /// (from `run`) is flushed where the character needs rewriting: CR and CR LF
    /// become LF, forbidden characters are dropped, bad UTF-8 becomes U+FFFD.
    /// Returns the index after the character.
    mutating func character(at i: Int, run: inout Int, collect: Bool) throws(XMLFeedError) -> Int {
        let b = p[i]
        if b < 0x80 {
            if b == ASCII.lf { return lineBreak(at: i) }
            if b == ASCII.cr {
                if collect { keep(run, i); keepByte(ASCII.lf) }
                let next = lineBreak(at: i)
                if collect { run = next }
                return next
            }
            if b >= 0x20 || b == ASCII.tab { return i + 1 }
            if collect { keep(run, i) }
            try problem(.forbiddenCharacter(UInt32(b)), at: i)
            if collect { run = i + 1 }
            return i + 1
        }
        let n = sequenceLength(at: i)
        if n > 0 {
            // U+FFFE and U+FFFF are UTF-8 but not XML characters.
            if n == 3 && b == 0xEF && p[i + 1] == 0xBF && p[i + 2] >= 0xBE {
                if collect { keep(run, i) }
                try problem(.forbiddenCharacter(p[i + 2] == 0xBE ? 0xFFFE : 0xFFFF), at: i)
                if collect { run = i + 3 }
            }
            return i + n
        }
        if collect { keep(run, i) }
        try problem(.invalidUTF8, at: i)
        if collect { keepScalar(0xFFFD); run = i - n }
        return i - n
    }

    /// Steps over one character where nothing is collected.
    @inline(__always) mutating func step(_ i: Int) throws(XMLFeedError) -> Int {
        let b = p[i]
        if b >= 0x20 && b < 0x80 { return i + 1 }
        var run = i
        return try character(at: i, run: &run, collect: false)
    }

    /// The length of the valid UTF-8 sequence at `i` (first byte ≥ 0x80), or
    /// minus the length of the ill-formed prefix that one U+FFFD replaces.
    func sequenceLength(at i: Int) -> Int {
        let b0 = p[i]
        let continuation: Int
        var lower: UInt8 = 0x80
        var upper: UInt8 = 0xBF
        switch b0 {
        case 0xC2...0xDF: continuation = 1
        case 0xE0: continuation = 2; lower = 0xA0
        case 0xED: continuation = 2; upper = 0x9F
        case 0xE1...0xEF: continuation = 2
        case 0xF0: continuation = 3; lower = 0x90
        case 0xF4: continuation = 3; upper = 0x8F
        case 0xF1...0xF3: continuation = 3
        default: return -1
        }
        guard i + 1 < end, p[i + 1] >= lower, p[i + 1] <= upper else { return -1 }
        var k = 2
        while k <= continuation {
            guard i + k < end, p[i + k] & 0xC0 == 0x80 else { return -k }
            k += 1
        }
        return continuation + 1
    }

    static func isXMLCharacter(_ v: UInt32) -> Bool {
        switch v {
        case 0x9, 0xA, 0xD, 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: true
        default: false
        }
    }

    @inline(__always) func isSpace(_ b: UInt8) -> Bool {
        b == ASCII.space || b == ASCII.lf || b == ASCII.tab || b == ASCII.cr
    }

    @inline(__always) func isNameStart(_ b: UInt8) -> Bool { nameFlags[Int(b)] & NameFlag.start != 0 }

    mutating func skipSpace(from start: Int) -> Int {
        var i = start
        while i < end {
            let b = p[i]
            if b == ASCII.space || b == ASCII.tab { i += 1 } else if b == ASCII.lf || b == ASCII.cr { i = lineBreak(at: i) } else { break }
        }
        return i
    }

    /// The end of the XML name starting at `start` (`start` itself when none
    /// starts there). Non-ASCII characters are accepted in names if they are UTF-8.
    func name(from start: Int) throws(XMLFeedError) -> Int {
        guard start < end, isNameStart(p[start]) else { return start }
        var i = start
        while i < end {
            let b = p[i]
            if b < 0x80 {
                guard nameFlags[Int(b)] != 0 else { break }
                i += 1
            } else {
                let n = sequenceLength(at: i)
                guard n > 0 else { break }
                i += n
            }
        }
        if i - start > MerchantCenterXMLParser.maximumNameLength {
            throw XMLFeedError(kind: .syntax,
                               message: "a name longer than \(MerchantCenterXMLParser.maximumNameLength) bytes",
                               line: line, column: column(start))
        }
        return i
    }

    /// Parses the reference starting with the `&` at `i`; returns it and the index after it.
    func reference(at i: Int) -> (Reference, Int) {
        var j = i + 1
        guard j < end else { return (.bare, j) }
        if p[j] == ASCII.hash {
            j += 1
            var radix: UInt32 = 10
            if j < end && p[j] == ASCII.x { radix = 16; j += 1 }
            let digits = j
            var value: UInt32 = 0
            while j < end {
                let b = p[j]
                let d: UInt32
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(b - UInt8(ascii: "0"))
                case UInt8(ascii: "a")...UInt8(ascii: "f") where radix == 16: d = UInt32(b - UInt8(ascii: "a") + 10)
                case UInt8(ascii: "A")...UInt8(ascii: "F") where radix == 16: d = UInt32(b - UInt8(ascii: "A") + 10)
                default: d = radix
                }
                guard d < radix else { break }
                if value <= 0x10FFFF { value = value * radix + d }
                j += 1
            }
            guard j > digits, j < end, p[j] == ASCII.semicolon else { return (.bare, i + 1) }
            return (Self.isXMLCharacter(value) ? .character(value) : .forbiddenCharacter, j + 1)
        }
        guard p[j] < 0x80, isNameStart(p[j]) else { return (.bare, i + 1) }
        let s = j
        while j < end, p[j] < 0x80, nameFlags[Int(p[j])] != 0, j - s <= MerchantCenterXMLParser.maximumNameLength { j += 1 }
        guard j < end, p[j] == ASCII.semicolon else { return (.bare, i + 1) }
        let scalar: UInt32? = switch j - s {
        case 2 where p[s + 1] == UInt8(ascii: "t"):
            p[s] == UInt8(ascii: "l") ? 0x3C : p[s] == UInt8(ascii: "g") ? 0x3E : nil
        case 3 where equals(s, j, "amp"): 0x26
        case 4 where equals(s, j, "apos"): 0x27
        case 4 where equals(s, j, "quot"): 0x22
        default: nil
        }
        guard let scalar else { return (.unknownEntity, j + 1) }
        return (.character(scalar), j + 1)
    }

    @inline(__always) func equals(_ s: Int, _ e: Int, _ literal: StaticString) -> Bool {
        let n = literal.utf8CodeUnitCount
        guard e - s == n else { return false }
        let q = literal.utf8Start
        for k in 0..<n where p[s + k] != q[k] { return false }
        return true
    }

    func prefix(at i: Int, _ literal: StaticString) -> Prefix {
        let q = literal.utf8Start
        for k in 0..<literal.utf8CodeUnitCount {
            guard i + k < end else { return .cutShort }
            if p[i + k] != q[k] { return .mismatch }
        }
        return .match
    }

    // MARK: Collected text

    @inline(__always) mutating func keep(_ start: Int, _ stop: Int) {
        guard collecting && start < stop else { return }
        if inScratch {
            scratch.append(contentsOf: UnsafeBufferPointer(start: p + start, count: stop - start))
        } else if rawStart == rawEnd {
            rawStart = start
            rawEnd = stop
        } else if rawEnd == start {
            rawEnd = stop
        } else {
            moveToScratch()
            scratch.append(contentsOf: UnsafeBufferPointer(start: p + start, count: stop - start))
        }
    }

    mutating func moveToScratch() {
        scratch.removeAll(keepingCapacity: true)
        scratch.append(contentsOf: UnsafeBufferPointer(start: p + rawStart, count: rawEnd - rawStart))
        inScratch = true
    }

    mutating func keepByte(_ b: UInt8) {
        guard collecting else { return }
        if !inScratch { moveToScratch() }
        scratch.append(b)
    }

    mutating func keepScalar(_ v: UInt32) {
        guard collecting else { return }
        if !inScratch { moveToScratch() }
        Self.appendUTF8(v, to: &scratch)
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        switch v {
        case 0..<0x80:
            out.append(UInt8(v))
        case 0x80..<0x800:
            out.append(UInt8(0xC0 | v >> 6))
            out.append(UInt8(0x80 | v & 0x3F))
        case 0x800..<0x10000:
            out.append(UInt8(0xE0 | v >> 12))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        default:
            out.append(UInt8(0xF0 | v >> 18))
            out.append(UInt8(0x80 | v >> 12 & 0x3F))
            out.append(UInt8(0x80 | v >> 6 & 0x3F))
            out.append(UInt8(0x80 | v & 0x3F))
        }
    }

    mutating func resetText() {
        rawStart = 0
        rawEnd = 0
        inScratch = false
    }

    func collectedText() -> String {
        if inScratch { return scratch.withUnsafeBufferPointer { Self.trimmed($0) } }
        return Self.trimmed(UnsafeBufferPointer(start: p + rawStart, count: rawEnd - rawStart))
    }

    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        var s = 0
        var e = bytes.count
        while s < e, bytes[s] == ASCII.space || bytes[s] == ASCII.lf || bytes[s] == ASCII.tab || bytes[s] == ASCII.cr { s += 1 }
        while e > s, bytes[e - 1] == ASCII.space || bytes[e - 1] == ASCII.lf || bytes[e - 1] == ASCII.tab || bytes[e - 1] == ASCII.cr { e -= 1 }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[s..<e]), as: UTF8.self)
    }

    // MARK: Content

    /// White space outside the root element, up to the next `<`.
    mutating func misc() throws(XMLFeedError) {
        var i = pos
        while i < end {
            let b = p[i]
            if b == ASCII.lt { break }
            if b == ASCII.space || b == ASCII.tab { i += 1; continue }
            if b == ASCII.lf || b == ASCII.cr { i = lineBreak(at: i); continue }
            try problem(.textOutsideRoot(beforeRoot: !rootSeen), at: i)
            while i < end && p[i] != ASCII.lt {
                if p[i] == ASCII.lf || p[i] == ASCII.cr { i = lineBreak(at: i) } else { i += 1 }
            }
        }
        pos = i
    }

    /// Character data inside an element, up to the next markup or the end.
    mutating func text() throws(XMLFeedError) {
        let p = self.p, classes = self.classes, end = self.end
        var i = pos
        var run = i
        while true {
            while i < end && classes[Int(p[i])] == ByteClass.plain { i += 1 }
            guard i < end else { break }
            switch classes[Int(p[i])] {
            case ByteClass.lineFeed:
                i = lineBreak(at: i)
            case ByteClass.lessThan:
                if startsMarkup(at: i) {
                    keep(run, i)
                    pos = i
                    return
                }
                try problem(.lessThanInText, at: i)
                i += 1
            case ByteClass.ampersand:
                let (reference, next) = self.reference(at: i)
                switch reference {
                case .character(let scalar):
                    keep(run, i)
                    keepScalar(scalar)
                    i = next
                    run = i
                case .bare:
                    try problem(.bareAmpersand, at: i)
                    i += 1
                case .unknownEntity:
                    try problem(.unknownEntity(i, next), at: i)
                    i = next
                case .forbiddenCharacter:
                    try problem(.forbiddenReference(i, next), at: i)
                    i = next
                }
            case ByteClass.greaterThan:
                if i >= 2 && p[i - 1] == ASCII.rbracket && p[i - 2] == ASCII.rbracket {
                    try problem(.cdataEndInText, at: i - 2)
                }
                i += 1
            default:
                i = try character(at: i, run: &run, collect: collecting)
            }
        }
        keep(run, i)
        pos = i
    }

    /// Whether the `<` at `i` starts a tag, comment, CDATA section, DOCTYPE or
    /// processing instruction (or the document ends right after it).
    @inline(__always) func startsMarkup(at i: Int) -> Bool {
        guard i + 1 < end else { return true }
        let b = p[i + 1]
        return b == ASCII.slash || b == ASCII.bang || b == ASCII.question || isNameStart(b)
    }

    /// A `<` that starts no markup: an error, or kept as text.
    mutating func notATag(at lt: Int) throws(XMLFeedError) {
        try problem(elements.isEmpty ? .textOutsideRoot(beforeRoot: !rootSeen) : .lessThanInText, at: lt)
        keep(lt, lt + 1)
        pos = lt + 1
    }

    mutating func markup() throws(XMLFeedError) {
        let lt = pos
        guard lt + 1 < end else {
            return try unterminated("a tag", line: line, column: column(lt))
        }
        switch p[lt + 1] {
        case ASCII.slash:
            try endTag(at: lt)
        case ASCII.question:
            try processingInstruction(at: lt)
        case ASCII.bang:
            switch prefix(at: lt, "<!--") {
            case .match: return try comment(at: lt)
            case .cutShort: return try unterminated("a comment", line: line, column: column(lt))
            case .mismatch: break
            }
            switch prefix(at: lt, "<![CDATA[") {
            case .match: return try cdata(at: lt)
            case .cutShort: return try unterminated("a CDATA section", line: line, column: column(lt))
            case .mismatch: break
            }
            switch prefix(at: lt, "<!DOCTYPE") {
            case .match: return try doctype(at: lt)
            case .cutShort: return try unterminated("a DOCTYPE", line: line, column: column(lt))
            case .mismatch: break
            }
            try notATag(at: lt)
        default:
            try startTag(at: lt)
        }
    }

    // MARK: Comments, CDATA, processing instructions, DOCTYPE

    /// The index after the `-->` that ends a comment whose text starts at `start`; nil if the document ends first.
    mutating func commentEnd(from start: Int) throws(XMLFeedError) -> Int? {
        var i = start
        while i < end {
            if p[i] == ASCII.minus && i + 1 < end && p[i + 1] == ASCII.minus {
                guard i + 2 < end else { return nil }
                if p[i + 2] == ASCII.gt { return i + 3 }
                try problem(.doubleHyphenInComment, at: i)
                i += 2
            } else {
                i = try step(i)
            }
        }
        return nil
    }

    /// The index after the `?>` that ends a processing instruction; nil if the document ends first.
    mutating func processingInstructionEnd(from start: Int) throws(XMLFeedError) -> Int? {
        var i = start
        while i < end {
            if p[i] == ASCII.question && i + 1 < end && p[i + 1] == ASCII.gt { return i + 2 }
            i = try step(i)
        }
        return nil
    }

    mutating func comment(at lt: Int) throws(XMLFeedError) {
        let startLine = line, startColumn = column(lt)
        guard let after = try commentEnd(from: lt + 4) else {
            return try unterminated("a comment", line: startLine, column: startColumn)
        }
        pos = after
    }

    mutating func processingInstruction(at lt: Int) throws(XMLFeedError) {
        let startLine = line, startColumn = column(lt)
        let target = lt + 2
        let targetEnd = try name(from: target)
        if targetEnd == target {
            guard target < end else { return try unterminated("a processing instruction", line: startLine, column: startColumn) }
            try problem(.processingInstructionWithoutTarget, at: lt)
        } else if targetEnd - target == 3, p[target] | 0x20 == UInt8(ascii: "x"), p[target + 1] | 0x20 == UInt8(ascii: "m"),
                  p[target + 2] | 0x20 == UInt8(ascii: "l") {
            // The XML declaration (any encoding: the caller has transcoded to UTF-8).
            if lt != documentStart || !equals(target, targetEnd, "xml") {
                try problem(.misplacedDeclaration, at: lt)
            }
        }
        guard let after = try processingInstructionEnd(from: targetEnd) else {
            return try unterminated("a processing instruction", line: startLine, column: startColumn)
        }
        pos = after
    }

    mutating func cdata(at lt: Int) throws(XMLFeedError) {
        let startLine = line, startColumn = column(lt)
        if elements.isEmpty { try problem(.cdataOutsideRoot, at: lt) }
        let collect = collecting
        var i = lt + 9
        var run = i
        while i < end {
            let b = p[i]
            if b >= 0x20 && b < 0x80 {
                if b == ASCII.rbracket && i + 2 < end && p[i + 1] == ASCII.rbracket && p[i + 2] == ASCII.gt {
                    if collect { keep(run, i) }
                    pos = i + 3
                    return
                }
                i += 1
            } else {
                i = try character(at: i, run: &run, collect: collect)
            }
        }
        try unterminated("a CDATA section", line: startLine, column: startColumn)
    }

    /// Skips a DOCTYPE, never loading what it names. An internal subset that
    /// declares entities is refused.
    mutating func doctype(at lt: Int) throws(XMLFeedError) {
        let startLine = line, startColumn = column(lt)
        var i = lt + 9
        while i < end {
            let b = p[i]
            switch b {
            case ASCII.gt:
                if rootSeen || doctypeSeen { try problem(.misplacedDoctype, line: startLine, column: startColumn) }
                doctypeSeen = true
                pos = i + 1
                return
            case ASCII.quote, ASCII.apos:
                var j = i + 1
                while j < end && p[j] != b { j = try step(j) }
                guard j < end else { return try unterminated("a DOCTYPE", line: startLine, column: startColumn) }
                i = j + 1
            case ASCII.lbracket:
                guard let after = try internalSubset(from: i + 1) else {
                    return try unterminated("a DOCTYPE", line: startLine, column: startColumn)
                }
                i = after
            case ASCII.lt:
                throw XMLFeedError(kind: .syntax, message: "malformed DOCTYPE: it is not closed with '>'",
                                   line: line, column: column(i))
            default:
                i = try step(i)
            }
        }
        try unterminated("a DOCTYPE", line: startLine, column: startColumn)
    }

    /// Scans an internal DTD subset from after its `[`; returns the index after
    /// its `]`, or nil if the document ends first.
    mutating func internalSubset(from start: Int) throws(XMLFeedError) -> Int? {
        var i = start
        while i < end {
            let b = p[i]
            switch b {
            case ASCII.rbracket:
                return i + 1
            case ASCII.space, ASCII.tab:
                i += 1
            case ASCII.lf, ASCII.cr:
                i = lineBreak(at: i)
            case ASCII.percent:
                // A parameter-entity reference: never expanded.
                i += 1
                while i < end && p[i] != ASCII.semicolon && p[i] != ASCII.lt && p[i] != ASCII.rbracket { i = try step(i) }
                guard i < end else { return nil }
                if p[i] == ASCII.semicolon { i += 1 }
            case ASCII.lt:
                switch prefix(at: i, "<!--") {
                case .match:
                    guard let after = try commentEnd(from: i + 4) else { return nil }
                    i = after
                    continue
                case .cutShort: return nil
                case .mismatch: break
                }
                guard i + 1 < end else { return nil }
                if p[i + 1] == ASCII.question {
                    guard let after = try processingInstructionEnd(from: i + 2) else { return nil }
                    i = after
                    continue
                }
                guard p[i + 1] == ASCII.bang else {
                    throw XMLFeedError(kind: .syntax, message: "malformed DOCTYPE internal subset", line: line, column: column(i))
                }
                var k = i + 2
                while k < end && (p[k] | 0x20) >= UInt8(ascii: "a") && (p[k] | 0x20) <= UInt8(ascii: "z") { k += 1 }
                if k - (i + 2) == 6 && Self.caseInsensitiveEquals(p + i + 2, "ENTITY") {
                    throw XMLFeedError(kind: .entityDeclaration,
                                       message: "entity declarations are refused: they enable entity-expansion (billion laughs) and external-entity attacks",
                                       line: line, column: column(i))
                }
                // Another markup declaration: skipped up to its '>' outside quotes.
                var quote: UInt8 = 0
                while k < end {
                    let c = p[k]
                    if quote != 0 {
                        if c == quote { quote = 0 }
                    } else if c == ASCII.quote || c == ASCII.apos {
                        quote = c
                    } else if c == ASCII.gt {
                        break
                    }
                    k = try step(k)
                }
                guard k < end else { return nil }
                i = k + 1
            default:
                throw XMLFeedError(kind: .syntax, message: "malformed DOCTYPE internal subset", line: line, column: column(i))
            }
        }
        return nil
    }

    static func caseInsensitiveEquals(_ q: UnsafePointer<UInt8>, _ upper: StaticString) -> Bool {
        let u = upper.utf8Start
        for k in 0..<upper.utf8CodeUnitCount where q[k] & 0xDF != u[k] { return false }
        return true
    }

    // MARK: Tags

    mutating func startTag(at lt: Int) throws(XMLFeedError) {
        let tagLine = line, tagColumn = column(lt)
        let nameStart = lt + 1
        let nameEnd = try name(from: nameStart)
        guard nameEnd > nameStart else { return try notATag(at: lt) }
        guard elements.count < MerchantCenterXMLParser.maximumDepth else {
            throw XMLFeedError(kind: .tooDeep,
                               message: "elements nest more than \(MerchantCenterXMLParser.maximumDepth) levels deep",
                               line: tagLine, column: tagColumn)
        }
        if elements.isEmpty {
            if rootSeen { try problem(.secondRoot(nameStart, nameEnd), line: tagLine, column: tagColumn) }
            rootSeen = true
        }
        let isLink = itemIndex >= 0 && equals(localNameStart(nameStart, nameEnd), nameEnd, "link")
        var href: Range<Int>?
        var rel: Range<Int>?
        var attributeCount = 0
        var selfClosing = false
        var i = nameEnd
        scan: while true {
            let before = i
            i = skipSpace(from: i)
            guard i < end else {
                return try unterminated("the start tag <\(excerpt(nameStart, nameEnd))>", line: tagLine, column: tagColumn)
            }
            let b = p[i]
            if b == ASCII.gt {
                i += 1
                break scan
            }
            if b == ASCII.slash {
                guard i + 1 < end else {
                    return try unterminated("the start tag <\(excerpt(nameStart, nameEnd))>", line: tagLine, column: tagColumn)
                }
                if p[i + 1] == ASCII.gt {
                    i += 2
                    selfClosing = true
                    break scan
                }
            }
            if b == ASCII.lt {
                try problem(.unclosedStartTag(nameStart, nameEnd), at: i)
                break scan
            }
            guard isNameStart(b), b < 0x80 || sequenceLength(at: i) > 0 else {
                try problem(.unexpectedInStartTag(nameStart, nameEnd), at: i)
                i = b < 0x80 ? i + 1 : i + abs(sequenceLength(at: i))
                continue scan
            }
            if i == before { try problem(.missingSpaceBeforeAttribute, at: i) }
            let attributeStart = i
            i = try name(from: i)
            let attributeEnd = i
            attributeCount += 1
            if attributeCount > MerchantCenterXMLParser.maximumAttributes {
                throw XMLFeedError(kind: .syntax,
                                   message: "more than \(MerchantCenterXMLParser.maximumAttributes) attributes in <\(excerpt(nameStart, nameEnd))>",
                                   line: tagLine, column: tagColumn)
            }
            let duplicate = isDuplicateAttribute(attributeStart, attributeEnd, first: attributeCount == 1)
            if duplicate { try problem(.duplicateAttribute(attributeStart, attributeEnd), at: attributeStart) }
            i = skipSpace(from: i)
            guard i < end else {
                return try unterminated("the start tag <\(excerpt(nameStart, nameEnd))>", line: tagLine, column: tagColumn)
            }
            guard p[i] == ASCII.equals else {
                try problem(.attributeWithoutValue(attributeStart, attributeEnd), at: i)
                continue scan
            }
            i = skipSpace(from: i + 1)
            guard i < end else {
                return try unterminated("the start tag <\(excerpt(nameStart, nameEnd))>", line: tagLine, column: tagColumn)
            }
            let quote = p[i]
            let value: Range<Int>
            if quote == ASCII.quote || quote == ASCII.apos {
                guard let close = try attributeValue(from: i + 1, quote: quote) else {
                    return try unterminated("the start tag <\(excerpt(nameStart, nameEnd))>", line: tagLine, column: tagColumn)
                }
                value = (i + 1)..<close
                i = close + 1
            } else {
                try problem(.unquotedAttribute(attributeStart, attributeEnd), at: i)
                let valueStart = i
                while i < end, p[i] != ASCII.gt, p[i] != ASCII.lt, !isSpace(p[i]) { i = try step(i) }
                value = valueStart..<i
            }
            if isLink && !duplicate {
                if equals(attributeStart, attributeEnd, "href") {
                    href = value
                } else if equals(attributeStart, attributeEnd, "rel") {
                    rel = value
                }
            }
        }
        pos = i
        open(OpenElement(nameStart: nameStart, nameEnd: nameEnd, line: tagLine, column: tagColumn),
             isLink: isLink, href: href, rel: rel)
        if selfClosing { closeInnermost(endOffset: i) }
    }

    /// Scans an attribute value from after its opening quote; returns the
    /// index of the closing quote, or nil if the document ends first.
    mutating func attributeValue(from start: Int, quote: UInt8) throws(XMLFeedError) -> Int? {
        var i = start
        while i < end {
            let b = p[i]
            if b == quote { return i }
            switch b {
            case ASCII.lt:
                try problem(.lessThanInAttribute, at: i)
                i += 1
            case ASCII.amp:
                let (reference, next) = self.reference(at: i)
                switch reference {
                case .character: i = next
                case .bare: try problem(.bareAmpersand, at: i); i += 1
                case .unknownEntity: try problem(.unknownEntity(i, next), at: i); i = next
                case .forbiddenCharacter: try problem(.forbiddenReference(i, next), at: i); i = next
                }
            default:
                i = try step(i)
            }
        }
        return nil
    }

    /// An attribute value as XML reads it: references decoded, each line
    /// break or tab a space; forbidden characters dropped and references
    /// that decode to nothing kept as written (as in lenient text).
    func attributeText(_ range: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(range.count)
        var i = range.lowerBound
        while i < range.upperBound {
            let b = p[i]
            switch b {
            case ASCII.amp:
                let (reference, next) = self.reference(at: i)
                if case .character(let v) = reference, next <= range.upperBound {
                    Self.appendUTF8(v, to: &out)
                    i = next
                    continue
                }
                out.append(b)
            case ASCII.cr:
                out.append(ASCII.space)
                if i + 1 < range.upperBound && p[i + 1] == ASCII.lf { i += 1 }
            case ASCII.lf, ASCII.tab:
                out.append(ASCII.space)
            case 0..<0x20:
                break
            default:
                out.append(b)
            }
            i += 1
        }
        return out.withUnsafeBufferPointer { Self.trimmed($0) }
    }

    /// Records the attribute name; true if the tag already has it. Names are
    /// compared pairwise in small tags and through a hash set in large ones.
    mutating func isDuplicateAttribute(_ s: Int, _ e: Int, first: Bool) -> Bool {
        if first {
            attributeNames.removeAll(keepingCapacity: true)
            attributeHashes.removeAll(keepingCapacity: true)
        }
        defer { attributeNames.append(s..<e) }
        let smallTag = 8
        if attributeNames.count < smallTag {
            return attributeNames.contains { sameBytes($0, s, e) }
        }
        if attributeNames.count == smallTag {
            for r in attributeNames { attributeHashes.insert(hashBytes(r.lowerBound, r.upperBound)) }
        }
        if attributeHashes.insert(hashBytes(s, e)).inserted { return false }
        return attributeNames.contains { sameBytes($0, s, e) }
    }

    func hashBytes(_ s: Int, _ e: Int) -> Int {
        var hasher = Hasher()
        hasher.combine(bytes: UnsafeRawBufferPointer(start: p + s, count: e - s))
        return hasher.finalize()
    }

    @inline(__always) func sameBytes(_ r: Range<Int>, _ s: Int, _ e: Int) -> Bool {
        guard r.count == e - s else { return false }
        var a = r.lowerBound
        var b = s
        while b < e {
            if p[a] != p[b] { return false }
            a += 1
            b += 1
        }
        return true
    }

    @inline(__always) func localNameStart(_ s: Int, _ e: Int) -> Int {
        var k = e
        while k > s && p[k - 1] != ASCII.colon { k -= 1 }
        return k == e ? s : k
    }

    mutating func endTag(at lt: Int) throws(XMLFeedError) {
        let tagLine = line, tagColumn = column(lt)
        let nameStart = lt + 2
        let nameEnd = try name(from: nameStart)
        guard nameEnd > nameStart else {
            guard nameStart < end else { return try unterminated("an end tag", line: tagLine, column: tagColumn) }
            return try notATag(at: lt)
        }
        var i = skipSpace(from: nameEnd)
        guard i < end else {
            return try unterminated("the end tag </\(excerpt(nameStart, nameEnd))>", line: tagLine, column: tagColumn)
        }
        if p[i] == ASCII.gt {
            i += 1
        } else {
            try problem(.unclosedEndTag(nameStart, nameEnd), at: i)
            while i < end && p[i] != ASCII.gt && p[i] != ASCII.lt { i = try step(i) }
            if i < end && p[i] == ASCII.gt { i += 1 }
        }
        pos = i
        guard let top = elements.last else {
            return try problem(.strayEndTag(nameStart, nameEnd), line: tagLine, column: tagColumn)
        }
        if sameBytes(top.nameStart..<top.nameEnd, nameStart, nameEnd) {
            closeInnermost(endOffset: i)
            return
        }
        let closing = excerpt(nameStart, nameEnd)
        guard lenient else {
            throw XMLFeedError(kind: .syntax,
                               message: "</\(closing)> closes <\(excerpt(top.nameStart, top.nameEnd))> opened at line \(top.line)",
                               line: tagLine, column: tagColumn)
        }
        var match = elements.count - 2
        while match >= 0 && !sameBytes(elements[match].nameStart..<elements[match].nameEnd, nameStart, nameEnd) { match -= 1 }
        guard match >= 0 else {
            return try problem(.strayEndTag(nameStart, nameEnd), line: tagLine, column: tagColumn)
        }
        while elements.count - 1 > match {
            let open = elements[elements.count - 1]
            addRepair("<\(excerpt(open.nameStart, open.nameEnd))> opened at line \(open.line) closed by </\(closing)>",
                      line: tagLine, column: tagColumn)
            closeInnermost(endOffset: lt)
        }
        closeInnermost(endOffset: i)
    }

    // MARK: Building items

    mutating func open(_ element: OpenElement, isLink: Bool, href: Range<Int>?, rel: Range<Int>?) {
        elements.append(element)
        if itemIndex < 0 {
            let local = localNameStart(element.nameStart, element.nameEnd)
            if equals(local, element.nameEnd, "item") || equals(local, element.nameEnd, "entry") {
                itemIndex = elements.count - 1
                itemLine = element.line
                nodes.removeAll(keepingCapacity: true)
                nodes.append(Node(hasChildren: true))
                collecting = false
                resetText()
            }
            return
        }
        nodes[nodes.count - 1].hasChildren = true
        var node = Node()
        if isLink, let href {
            node.href = attributeText(href)
            let relation = rel.map(attributeText) ?? ""
            node.hrefRank = relation.isEmpty || relation == "alternate" ? 2 : 1
        }
        nodes.append(node)
        resetText()
        collecting = true
    }

    /// Closes the innermost open element; inside an item its value goes to
    /// its parent, and closing the item completes it.
    mutating func closeInnermost(endOffset: Int) {
        let index = elements.count - 1
        let element = elements.removeLast()
        guard itemIndex >= 0 else { return }
        if index == itemIndex {
            let item = nodes.removeLast()
            completed = (FeedRecord(fields: item.fields, line: itemLine), endOffset)
            itemIndex = -1
            collecting = false
            resetText()
            return
        }
        let node = nodes.removeLast()
        let local = localNameStart(element.nameStart, element.nameEnd)
        let value: FeedValue
        var linkRank = 0
        if let href = node.href {
            value = .string(href)
            linkRank = node.hrefRank
        } else if node.hasChildren {
            value = .object(node.fields)
        } else {
            value = .string(collectedText())
            if equals(local, element.nameEnd, "link") { linkRank = 2 }
        }
        resetText()
        collecting = false
        let key = String(decoding: UnsafeBufferPointer(start: p + local, count: element.nameEnd - local), as: UTF8.self)
        let parent = nodes.count - 1
        if linkRank > 0 {
            if nodes[parent].linkRank < linkRank {
                nodes[parent].fields[key] = value
                nodes[parent].linkRank = linkRank
            }
        } else {
            nodes[parent].fields[key, default: .null].addOccurrence(value)
        }
    }
}

private extension FeedValue {
    /// Stores the first occurrence of a field (in place of `.null`); a second
    /// turns the field into an array, later ones append.
    mutating func addOccurrence(_ value: FeedValue) {
        switch self {
        case .null:
            self = value
        case .array(var list):
            self = .null
            list.append(value)
            self = .array(list)
        default:
            self = .array([self, value])
        }
    }
}
