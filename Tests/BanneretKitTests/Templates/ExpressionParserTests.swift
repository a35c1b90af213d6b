import Testing
@testable import BanneretKit

@Suite struct ExpressionParserTests {
    func source(_ text: String) -> SourceText { SourceText(text: text, file: "t.yaml", line: 7, column: 9) }

    @Test func parsesRelationsStrengthsAndWeights() throws {
        let statement = try ExpressionParser.statement(source("cta.top >= headline.bottom + 12 !strong:2"))
        #expect(statement.relation == .greaterOrEqual)
        #expect(statement.strength == "strong" && statement.weight == 2)
        #expect(statement.left == .reference(object: "cta", attribute: "top", column: 0))
        #expect(statement.right == .add(.reference(object: "headline", attribute: "bottom", column: 11), .number(12)))
        let required = try ExpressionParser.statement(source("product.width <= canvas.width * 0.5"))
        #expect(required.strength == "required")
        #expect(required.right == .multiply(.reference(object: "canvas", attribute: "width", column: 17), .number(0.5), column: 30))
    }

    @Test func precedenceAndParentheses() throws {
        let e = try ExpressionParser.expression(source("-(a.left + 2) * 3 - b.top / 2"))
        #expect(e == .subtract(.multiply(.negate(.add(.reference(object: "a", attribute: "left", column: 2), .number(2))),
                                          .number(3), column: 14),
                               .divide(.reference(object: "b", attribute: "top", column: 20), .number(2), column: 26)))
    }

    @Test(arguments: [
        ("a.left = 3", 7, "write '=='"),
        ("a.left == ", 10, "ends too early"),
        ("a.left == b", 11, "expected '.'"),
        ("a.left == 3 !stron", 13, "did you mean 'strong'"),
        ("a.left == 3 4", 12, "unexpected text"),
        ("a.left == 3 $", 12, "unexpected character"),
        ("a.left + 3", 10, "expected ==, <= or >="),
    ])
    func syntaxErrorsPointAtTheColumn(text: String, offset: Int, message: String) {
        do {
            _ = try ExpressionParser.statement(source(text))
            Issue.record("expected an error for \(text)")
        } catch let error as BanneretError {
            #expect(error.code == .templateSyntax)
            #expect(error.location == Location(file: "t.yaml", line: 7, column: 9 + offset), "\(error)")
            #expect(error.message.contains(message), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
