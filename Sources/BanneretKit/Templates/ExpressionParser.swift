/// Parses template constraint and size expressions:
///
///     statement  := sum ("==" | "<=" | ">=") sum ["!" strength [":" number]]
///     sum        := product (("+" | "-") product)*
///     product    := unary (("*" | "/") unary)*
///     unary      := "-" unary | primary
///     primary    := number | name "." name | "(" sum ")"
///
/// Errors name the file, line and column of the offending character.
struct ExpressionParser {
    private enum Token: Equatable {
        case number(Double)
        case name(String)
        case symbol(String)
        case end
    }

    private let source: SourceText
    private var tokens: [(token: Token, column: Int)] = []
    private var index = 0
    /// How deep the recursive descent is: signs, parentheses and calls each go one level down.
    private var depth = 0

    static let strengths = ["required", "strong", "medium", "weak"]
    static let functions = ["min", "max"]

    init(_ source: SourceText) throws {
        self.source = source
        tokens = try Self.tokenize(source)
    }

    static func statement(_ source: SourceText) throws -> ConstraintStatement {
        var parser = try ExpressionParser(source)
        return try parser.parseStatement()
    }

    static func expression(_ source: SourceText) throws -> LayoutExpression {
        var parser = try ExpressionParser(source)
        let expression = try parser.parseSum()
        try parser.expectEnd()
        return expression
    }

    // MARK: Grammar

    private mutating func parseStatement() throws -> ConstraintStatement {
        let left = try parseSum()
        let relationColumn = current.column
        guard case .symbol(let symbol) = current.token,
              let relation = ConstraintStatement.Relation(rawValue: symbol) else {
            throw error("expected ==, <= or >= here", column: relationColumn)
        }
        advance()
        let right = try parseSum()
        var strength = "required"
        var weight = 1.0
        if current.token == .symbol("!") {
            advance()
            guard case .name(let name) = current.token else {
                throw error("expected a strength after '!': required, strong, medium or weak", column: current.column)
            }
            guard Self.strengths.contains(name) else {
                throw error("unknown strength '\(name)'" + DidYouMean.hint(for: name, in: Self.strengths)
                            + "; use required, strong, medium or weak", column: current.column)
            }
            strength = name
            advance()
            if current.token == .symbol(":") {
                advance()
                guard case .number(let value) = current.token, value > 0 else {
                    throw error("expected a positive weight after ':'", column: current.column)
                }
                weight = value
                advance()
            }
        }
        try expectEnd()
        return ConstraintStatement(left: left, relation: relation, right: right, strength: strength, weight: weight,
                                   source: source)
    }

    private mutating func parseSum() throws -> LayoutExpression {
        var result = try parseProduct()
        while case .symbol(let s) = current.token, s == "+" || s == "-" {
            advance()
            let rhs = try parseProduct()
            result = s == "+" ? .add(result, rhs) : .subtract(result, rhs)
        }
        return result
    }

    private mutating func parseProduct() throws -> LayoutExpression {
        var result = try parseUnary()
        while case .symbol(let s) = current.token, s == "*" || s == "/" {
            let column = current.column
            advance()
            let rhs = try parseUnary()
            result = s == "*" ? .multiply(result, rhs, column: column) : .divide(result, rhs, column: column)
        }
        return result
    }

    private mutating func parseUnary() throws -> LayoutExpression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= InputLimits.maximumExpressionDepth else {
            throw BanneretError(.templateTooLarge, "the expression nests deeper than \(InputLimits.maximumExpressionDepth) levels "
                                + "in `\(source.text.prefix(80))`", at: source.location(offset: current.column))
        }
        if current.token == .symbol("-") {
            advance()
            return .negate(try parseUnary())
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws -> LayoutExpression {
        let column = current.column
        switch current.token {
        case .number(let value):
            advance()
            return .number(value)
        case .name(let object):
            advance()
            if current.token == .symbol("(") {
                guard Self.functions.contains(object) else {
                    throw error("unknown function '\(object)'" + DidYouMean.hint(for: object, in: Self.functions)
                                + "; there are min and max", column: column)
                }
                advance()
                var arguments = [try parseSum()]
                while current.token == .symbol(",") {
                    advance()
                    arguments.append(try parseSum())
                }
                guard current.token == .symbol(")") else { throw error("expected ',' or ')'", column: current.column) }
                advance()
                return .call(function: object, arguments: arguments, column: column)
            }
            guard current.token == .symbol(".") else {
                throw error("expected '.' after '\(object)': write element.attribute, e.g. \(object).left", column: current.column)
            }
            advance()
            guard case .name(let attribute) = current.token else {
                throw error("expected an attribute name after '\(object).'", column: current.column)
            }
            advance()
            return .reference(object: object, attribute: attribute, column: column)
        case .symbol("("):
            advance()
            let inner = try parseSum()
            guard current.token == .symbol(")") else { throw error("expected ')'", column: current.column) }
            advance()
            return inner
        case .end:
            throw error("expression ends too early", column: column)
        case .symbol(let s):
            throw error("unexpected '\(s)'", column: column)
        }
    }

    // MARK: Tokens

    private var current: (token: Token, column: Int) { tokens[index] }
    private mutating func advance() { index = min(index + 1, tokens.count - 1) }

    private func expectEnd() throws {
        guard current.token == .end else {
            throw error("unexpected text after the end of the expression", column: current.column)
        }
    }

    private func error(_ message: String, column: Int) -> BanneretError {
        BanneretError(.templateSyntax, "\(message) in `\(source.text)`", at: source.location(offset: column))
    }

    private static func tokenize(_ source: SourceText) throws -> [(token: Token, column: Int)] {
        let characters = Array(source.text)
        var tokens: [(token: Token, column: Int)] = []
        var i = 0
        while i < characters.count {
            let c = characters[i]
            if c.isWhitespace { i += 1; continue }
            let start = i
            if c.isNumber || (c == "." && i + 1 < characters.count && characters[i + 1].isNumber) {
                while i < characters.count, characters[i].isNumber || characters[i] == "." { i += 1 }
                let text = String(characters[start ..< i])
                guard let value = Double(text), value.isFinite else {
                    throw BanneretError(.templateSyntax, "'\(text)' is not a number in `\(source.text)`",
                                        at: source.location(offset: start))
                }
                tokens.append((.number(value), start))
            } else if c.isLetter || c == "_" {
                while i < characters.count, characters[i].isLetter || characters[i].isNumber || characters[i] == "_" { i += 1 }
                tokens.append((.name(String(characters[start ..< i])), start))
            } else if "=<>".contains(c) {
                guard i + 1 < characters.count, characters[i + 1] == "=" else {
                    throw BanneretError(.templateSyntax, "write '\(c)=' (relations are ==, <= and >=) in `\(source.text)`",
                                        at: source.location(offset: start))
                }
                tokens.append((.symbol(String(c) + "="), start))
                i += 2
            } else if "+-*/().!:,".contains(c) {
                tokens.append((.symbol(String(c)), start))
                i += 1
            } else {
                throw BanneretError(.templateSyntax, "unexpected character '\(c)' in `\(source.text)`",
                                    at: source.location(offset: start))
            }
        }
        tokens.append((.end, characters.count))
        // Long sums build left-deep trees that later passes walk recursively.
        guard tokens.count <= InputLimits.maximumExpressionTokens else {
            throw BanneretError(.templateTooLarge, "the expression has \(tokens.count) tokens; at most "
                                + "\(InputLimits.maximumExpressionTokens) are accepted", at: source.location(offset: 0))
        }
        return tokens
    }
}
