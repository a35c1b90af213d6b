/// Reads products from JSON Lines (one object per line; `.json` files are
/// often really JSONL), a JSON array of objects, or one object wrapping such
/// an array (`{"products": [...]}`). Every record knows the line it starts
/// on. A bad JSONL line is rejected alone; a syntax error inside an array
/// stops the array there (there is no telling where the next record begins),
/// keeping the records before it only when reading leniently.
enum JSONFeedReader {
    /// Keys under which wrapped feeds keep their records.
    static let wrapperKeys: Set<String> = ["products", "items", "entries", "data", "resources", "offers"]

    static func records(_ bytes: UnsafeBufferPointer<UInt8>, file: String, lenient: Bool, preferredCurrency: String? = nil,
                        emit: (FeedEvent) -> Void) throws(BanneretError) {
        var scanner = JSONScanner(bytes)
        switch scanner.peek() {
        case UInt8(ascii: "[")?:
            try array(&scanner, file: file, lenient: lenient, preferredCurrency: preferredCurrency, emit: emit)
        case UInt8(ascii: "{")? where !firstLineIsWholeValue(bytes, from: scanner.offset)
            || isLoneWrapper(bytes, from: scanner.offset):
            try wrapper(&scanner, file: file, lenient: lenient, preferredCurrency: preferredCurrency, emit: emit)
        case nil:
            throw BanneretError(.feedSyntax, "the feed is empty", at: Location(file: file))
        default:
            lines(bytes, file: file, emit: emit)
        }
    }

    private static func lines(_ bytes: UnsafeBufferPointer<UInt8>, file: String, emit: (FeedEvent) -> Void) {
        var start = 0, line = 1
        while start < bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var scanner = JSONScanner(UnsafeBufferPointer(rebasing: bytes[start ..< end]), line: line)
            if scanner.peek() != nil {
                do throws(JSONScanner.SyntaxError) {
                    let fields = try scanner.record()
                    if scanner.peek() != nil { throw scanner.failure("more after the end of the record") }
                    emit(event(for: fields, line: line, file: file, offset: end))
                } catch {
                    emit(.error(BanneretError(error.code, "line is not valid JSON: \(error.message)",
                                              at: Location(file: file, line: line, column: error.column)), offset: end))
                }
            }
            start = end + 1
            line += 1
        }
    }

    private static func array(_ scanner: inout JSONScanner, file: String, lenient: Bool, preferredCurrency: String?,
                              emit: (FeedEvent) -> Void) throws(BanneretError) {
        var emitted = 0
        // A Django fixture is told by its first row and joined once all rows are in.
        var fixture: [DjangoFixtureFeed.Row]?
        do {
            try scanner.expect(UInt8(ascii: "["))
            if !scanner.take(UInt8(ascii: "]")) {
                repeat {
                    _ = scanner.peek()
                    let line = scanner.line
                    let fields = try scanner.record()
                    if emitted == 0, fixture == nil, let fields, let row = DjangoFixtureFeed.row(fields, line: line) {
                        fixture = [row]
                    } else if fixture != nil {
                        if let fields, let row = DjangoFixtureFeed.row(fields, line: line) { fixture!.append(row) }
                        else { emit(.error(BanneretError(.feedSyntax, "not a fixture row (model, pk, fields)", at: Location(file: file, line: line)), offset: scanner.offset)) }
                    } else {
                        emit(event(for: fields, line: line, file: file, offset: scanner.offset))
                        emitted += 1
                    }
                } while scanner.take(UInt8(ascii: ","))
                try scanner.expect(UInt8(ascii: "]"))
            }
        } catch {
            fixture = nil
            try stop(at: error, file: file, lenient: lenient, kept: emitted, emit: emit)
        }
        if let fixture {
            for event in DjangoFixtureFeed.events(from: fixture, file: file, preferredCurrency: preferredCurrency) { emit(event) }
        }
    }

    private static func wrapper(_ scanner: inout JSONScanner, file: String, lenient: Bool, preferredCurrency: String?,
                                emit: (FeedEvent) -> Void) throws(BanneretError) {
        var found = false
        do {
            try scanner.forEachTopLevelMember { key, scanner in
                if !found, wrapperKeys.contains(key), scanner.peek() == UInt8(ascii: "[") {
                    found = true
                    try array(&scanner, file: file, lenient: lenient, preferredCurrency: preferredCurrency, emit: emit)
                } else {
                    _ = try scanner.value()
                }
            }
        } catch let error as JSONScanner.SyntaxError {
            try stop(at: error, file: file, lenient: lenient, kept: 0, emit: emit)
        } catch let error as BanneretError {
            throw error
        } catch {
            throw BanneretError(.feedSyntax, "\(error)", at: Location(file: file))
        }
        if !found {
            throw BanneretError(.feedSyntax, "one JSON object with no list of records under "
                                + wrapperKeys.sorted().map { "'\($0)'" }.joined(separator: ", "), at: Location(file: file, line: 1))
        }
    }

    private static func stop(at error: JSONScanner.SyntaxError, file: String, lenient: Bool, kept: Int,
                             emit: (FeedEvent) -> Void) throws(BanneretError) {
        let location = Location(file: file, line: error.line, column: error.column)
        guard lenient else {
            throw BanneretError(error.code, "invalid JSON: \(error.message); --lenient keeps the records before it", at: location)
        }
        emit(.notice(BanneretError(.feedRepaired, "invalid JSON: \(error.message); reading stopped here, keeping the \(kept) records before it",
                                   at: location)))
    }

    private static func event(for fields: FeedFields?, line: Int, file: String, offset: Int) -> FeedEvent {
        guard let fields else {
            return .error(BanneretError(.feedSyntax, "expected a JSON object per product", at: Location(file: file, line: line)),
                          offset: offset)
        }
        return .record(FeedRecord(fields: fields, line: line), offset: offset)
    }

    /// JSONL unless the first line ends before its value does (a
    /// pretty-printed document); a line that is complete, or broken before
    /// its end, is a JSONL record.
    /// One object alone in the file keeping its records in an array under a wrapper
    /// key: a minified API response (`{"products": [...]}` on one line), not a
    /// one-record JSON Lines file.
    private static func isLoneWrapper(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var scanner = JSONScanner(bytes, offset: start)
        var wraps = false
        do {
            try scanner.forEachTopLevelMember { key, scanner in
                if wrapperKeys.contains(key), scanner.peek() == UInt8(ascii: "[") { wraps = true }
                _ = try scanner.value()
            }
        } catch {
            return false
        }
        scanner.skipWhitespace()
        return wraps && scanner.isAtEnd
    }

    private static func firstLineIsWholeValue(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Bool {
        var end = start
        while end < bytes.count, bytes[end] != 0x0A { end += 1 }
        let line = UnsafeBufferPointer(rebasing: bytes[start ..< end])
        var scanner = JSONScanner(line)
        do {
            _ = try scanner.value()
            return true
        } catch {
            var rest = JSONScanner(line, offset: error.column - 1)
            rest.skipWhitespace()
            return !rest.isAtEnd
        }
    }
}
