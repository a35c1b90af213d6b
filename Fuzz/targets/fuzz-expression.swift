// libFuzzer target: template constraint and size expressions. Any input must
// parse or be refused with a BanneretError; nothing else may happen.
@testable import BanneretKit

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    let source = SourceText(text: text, file: "fuzz", line: 1, column: 1)
    _ = try? ExpressionParser.statement(source)
    _ = try? ExpressionParser.expression(source)
    return 0
}
