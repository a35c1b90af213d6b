import BanneretLayout

/// Turns a parsed constraint statement into a solver constraint for one
/// banner: element attributes become variables, canvas and brand names
/// become numbers. Statements about elements that are absent from this
/// banner (no sale, no logo) are skipped, so the rest reflows.
struct ConstraintCompiler {
    typealias Box = (left: Variable, top: Variable, width: Variable, height: Variable)

    let constants: LayoutConstants
    let variables: (String) -> Box?

    /// nil when the statement mentions an absent element.
    func compile(_ statement: ConstraintStatement) throws -> Constraint? {
        guard let left = try linear(statement.left, statement.source),
              let right = try linear(statement.right, statement.source) else { return nil }
        let relation: Relation = switch statement.relation {
        case .equal: .equal
        case .lessOrEqual: .lessOrEqual
        case .greaterOrEqual: .greaterOrEqual
        }
        let strength: Strength = switch statement.strength {
        case "strong": .strong
        case "medium": .medium
        case "weak": .weak
        default: .required
        }
        let source = statement.source
        let expression = left - right
        // Constant factors can overflow (`1e200 * 1e200 * a.left`); the solver needs finite numbers.
        guard expression.constant.isFinite, expression.terms.allSatisfy({ $0.coefficient.isFinite }) else {
            throw BanneretError(.templateInvalid, "`\(source.text)` overflows: a coefficient or constant is not a finite number",
                                at: source.location(offset: 0))
        }
        return Constraint(expression, relation, strength: strength, weight: statement.weight,
                          origin: ConstraintOrigin(file: source.file, line: source.line, column: source.column,
                                                   element: firstElement(in: statement), source: source.text))
    }

    private func firstElement(in statement: ConstraintStatement) -> String? {
        var found: String?
        try? TemplateChecker.visitReferences(statement.left) { object, _, _ in
            if found == nil, !TemplateChecker.constantObjects.contains(object) { found = object }
        }
        return found
    }

    private func linear(_ expression: LayoutExpression, _ source: SourceText) throws -> BanneretLayout.Expression? {
        switch expression {
        case .number(let value):
            return BanneretLayout.Expression(value)
        case .reference(let object, let attribute, let column):
            if TemplateChecker.constantObjects.contains(object) {
                return BanneretLayout.Expression(try constants.evaluate(expression, source: source, element: nil))
            }
            guard let box = variables(object) else { return nil }
            switch attribute {
            case "left": return BanneretLayout.Expression(box.left)
            case "top": return BanneretLayout.Expression(box.top)
            case "width": return BanneretLayout.Expression(box.width)
            case "height": return BanneretLayout.Expression(box.height)
            case "right": return box.left + box.width
            case "bottom": return box.top + box.height
            case "center_x": return box.left + box.width * 0.5
            case "center_y": return box.top + box.height * 0.5
            default:
                throw BanneretError(.templateUnknownName, "unknown attribute '\(attribute)'", at: source.location(offset: column))
            }
        case .add(let a, let b):
            guard let x = try linear(a, source), let y = try linear(b, source) else { return nil }
            return x + y
        case .subtract(let a, let b):
            guard let x = try linear(a, source), let y = try linear(b, source) else { return nil }
            return x - y
        case .negate(let a):
            return try linear(a, source).map { -$0 }
        case .call:
            return BanneretLayout.Expression(try constants.evaluate(expression, source: source, element: nil))
        case .multiply(let a, let b, let column):
            guard let x = try linear(a, source), let y = try linear(b, source) else { return nil }
            if x.terms.isEmpty { return y * x.constant }
            if y.terms.isEmpty { return x * y.constant }
            throw BanneretError(.templateNotLinear, "both sides of '*' depend on the layout", at: source.location(offset: column))
        case .divide(let a, let b, let column):
            guard let x = try linear(a, source), let y = try linear(b, source) else { return nil }
            guard y.terms.isEmpty, y.constant != 0 else {
                throw BanneretError(.templateNotLinear, "can only divide by a non-zero constant", at: source.location(offset: column))
            }
            return x / y.constant
        }
    }
}
