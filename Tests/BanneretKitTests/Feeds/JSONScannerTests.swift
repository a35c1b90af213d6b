import Testing
@testable import BanneretKit

@Suite struct JSONScannerTests {
    func parse(_ text: String) throws(JSONScanner.SyntaxError) -> FeedValue {
        try Array(text.utf8).withUnsafeBufferPointer { bytes throws(JSONScanner.SyntaxError) in
            var scanner = JSONScanner(bytes)
            let value = try scanner.value()
            if scanner.peek() != nil { throw scanner.failure("trailing") }
            return value
        }
    }

    @Test func readsEveryKindOfValue() throws {
        let value = try parse(#"{"s":"a\"b\\c\/d\n\u00e9\ud83d\ude00","n":-12.50e+2,"t":true,"f":false,"z":null,"a":[1,"x",[]],"o":{}}"#)
        #expect(value["s"] == .string("a\"b\\c/d\né😀"))
        #expect(value["n"] == .number("-12.50e+2"), "numbers keep their literal text")
        #expect(value["t"] == .bool(true) && value["f"] == .bool(false) && value["z"] == .null)
        #expect(value["a"] == .array([.number("1"), .string("x"), .array([])]) && value["o"] == .object([:]))
    }

    @Test func errorsSayWhereAndWhat() {
        let cases: [(String, Int, Int, String)] = [
            ("{\"a\":\n  tru}", 2, 3, "expected 'true'"),
            ("[1,]", 1, 4, "unexpected character"),
            ("{\"a\" 1}", 1, 6, "expected ':'"),
            ("\"\\ud800\"", 1, 8, "unpaired surrogate"),
            ("\"tab\there\"", 1, 5, "control character"),
            ("01", 1, 1, "cannot start with 0"),
            ("\"\\q\"", 1, 2, "unknown escape"),
        ]
        for (text, line, column, message) in cases {
            do {
                _ = try parse(text)
                Issue.record("\(text) should fail")
            } catch {
                #expect(error.line == line && error.column == column && error.message.contains(message), "\(text): \(error.line):\(error.column) \(error.message)")
            }
        }
    }
}
