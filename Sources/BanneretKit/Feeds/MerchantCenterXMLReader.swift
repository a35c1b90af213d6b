/// Reads Google Merchant Center XML feeds, RSS 2.0 (`<item>` with `g:`
/// fields) and Atom (`<entry>`), with ``MerchantCenterXMLParser``: never
/// expands entities beyond XML's own, refuses entity declarations, and
/// reports each rejected item by the line it starts on. Malformed XML is an
/// error naming line and column, or, when lenient, is repaired and every
/// repair reported.
enum MerchantCenterXMLReader {
    static func records(_ bytes: UnsafeBufferPointer<UInt8>, file: String, lenient: Bool,
                        emit: (FeedEvent) -> Void) throws(BanneretError) {
        let repairs: [XMLRepair]
        do {
            repairs = try MerchantCenterXMLParser.parse(bytes, lenient: lenient) { record, endOffset in
                emit(.record(record, offset: endOffset))
            }
        } catch {
            let code: BanneretError.Code = switch error.kind {
            case .entityDeclaration: .feedEntityRefused
            case .tooDeep: .feedTooDeep
            case .encoding: .feedEncoding
            case .syntax, .truncated: .feedSyntax
            }
            let hint = lenient || error.kind == .entityDeclaration || error.kind == .tooDeep ? "" : "; --lenient repairs what it can"
            throw BanneretError(code, error.message + hint, at: Location(file: file, line: error.line, column: error.column))
        }
        for repair in repairs {
            emit(.notice(BanneretError(.feedRepaired, repair.message,
                                       at: Location(file: file, line: repair.line, column: repair.column))))
        }
    }
}
