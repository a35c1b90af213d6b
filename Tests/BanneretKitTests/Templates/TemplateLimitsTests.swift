import Foundation
import Testing
@testable import BanneretKit

/// Templates past InputLimits are refused whole with `template.too_large`, before they cost anything.
@Suite struct TemplateLimitsTests {
    static let headline = "  headline: { kind: text, bind: title, font: display, size: [10, 30] }\n"

    func code(_ yaml: String) -> BanneretError.Code? {
        do {
            _ = try TemplateLoader.parse(yaml, file: "t.yaml")
            return nil
        } catch {
            return (error as? BanneretError)?.code
        }
    }

    func template(elements: Int = 1, constraints: Int = 1, lets: Int = 0) -> String {
        "name: t\n" + (lets > 0 ? "let:\n" + (0 ..< lets).map { "  c\($0): \($0)\n" }.joined() : "")
            + "elements:\n" + Self.headline + (1 ..< max(1, elements)).map { "  box\($0): { kind: shape, fill: primary }\n" }.joined()
            + "constraints:\n" + (0 ..< constraints).map { "  - headline.left >= \($0 % 5)\n" }.joined()
    }

    @Test func countsAtTheLimitPassAndOneMoreIsRefused() {
        // At the limit the template may still be wrong in other ways (unplaced boxes), but not too large.
        #expect(code(template(elements: InputLimits.maximumTemplateElements)) != .templateTooLarge)
        #expect(code(template(elements: InputLimits.maximumTemplateElements + 1)) == .templateTooLarge)
        #expect(code(template(constraints: InputLimits.maximumTemplateConstraints)) != .templateTooLarge)
        #expect(code(template(constraints: InputLimits.maximumTemplateConstraints + 1)) == .templateTooLarge)
        #expect(code(template(lets: InputLimits.maximumTemplateLets)) != .templateTooLarge)
        #expect(code(template(lets: InputLimits.maximumTemplateLets + 1)) == .templateTooLarge)
    }

    @Test func aYAMLAliasBombIsRefusedWithoutExpandingIt() {
        // 10^9 scalars once expanded; refused after counting InputLimits.maximumYAMLNodes of them.
        var yaml = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        for i in 1 ... 9 { yaml += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ", ") + "]\n" }
        #expect(code(yaml + template()) == .templateTooLarge)
        #expect(throws: BanneretError.self) {
            try BrandGuideLoader.parse(yaml, file: "b.yaml", folder: URL(fileURLWithPath: "/tmp"))
        }
    }

    @Test func aFileOverAMegabyteIsRefusedFromItsSize() throws {
        let url = Fixtures.temporaryDirectory().appendingPathComponent("big.yaml")
        let data = Data((template() + "# " + String(repeating: "x", count: InputLimits.maximumYAMLBytes)).utf8)
        try data.write(to: url)
        #expect(throws: BanneretError(.templateTooLarge, "the template is \(data.count) bytes; at most "
                                      + "\(InputLimits.maximumYAMLBytes) are accepted", at: Location(file: url.path))) {
            try TemplateLoader.load(url)
        }
    }

    static let expressions: [(text: String, expected: BanneretError.Code?)] = [
        (String(repeating: "(", count: 65) + "1" + String(repeating: ")", count: 65), .templateTooLarge),
        (String(repeating: "-", count: 65) + "1", .templateTooLarge),
        (Array(repeating: "1", count: 501).joined(separator: "+"), .templateTooLarge),
        (String(repeating: "(", count: 60) + "1" + String(repeating: ")", count: 60), nil),
        ("9" + String(repeating: "9", count: 400), .templateSyntax),
    ]

    @Test(arguments: expressions)
    func expressionsNestAndRunOnlySoFar(_ item: (text: String, expected: BanneretError.Code?)) {
        let (text, expected) = item
        let source = SourceText(text: text, file: "t.yaml", line: 4, column: 7)
        do {
            _ = try ExpressionParser.expression(source)
            #expect(expected == nil)
        } catch {
            #expect((error as? BanneretError)?.code == expected)
            #expect((error as? BanneretError)?.location?.line == 4)
        }
    }
}
