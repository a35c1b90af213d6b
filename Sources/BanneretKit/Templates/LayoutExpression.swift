/// An arithmetic expression from a template, before it is known to be linear:
/// `canvas.width * 0.5`, `headline.bottom + 12`, `brand.margin * 2`.
indirect enum LayoutExpression: Sendable, Hashable {
    case number(Double)
    /// `element.attribute`, or a constant such as `canvas.width`; `column` is where it starts.
    case reference(object: String, attribute: String, column: Int)
    case add(LayoutExpression, LayoutExpression)
    case subtract(LayoutExpression, LayoutExpression)
    case multiply(LayoutExpression, LayoutExpression, column: Int)
    case divide(LayoutExpression, LayoutExpression, column: Int)
    case negate(LayoutExpression)
    /// `min(a, b, …)` or `max(a, b, …)` of constants.
    case call(function: String, arguments: [LayoutExpression], column: Int)
}

/// `lhs relation rhs !strength`, as written on one template line.
struct ConstraintStatement: Sendable, Hashable {
    enum Relation: String, Sendable, Hashable {
        case equal = "=="
        case lessOrEqual = "<="
        case greaterOrEqual = ">="
    }

    var left: LayoutExpression
    var relation: Relation
    var right: LayoutExpression
    /// `required`, `strong`, `medium` or `weak`.
    var strength: String
    /// Multiplies the strength, as kiwi's weight: `!strong:2`.
    var weight: Double
    var source: SourceText
}

/// A piece of template text and where it sits in its file.
struct SourceText: Sendable, Hashable {
    var text: String
    var file: String
    var line: Int
    var column: Int

    /// The location of a character `offset` characters into `text`.
    func location(offset: Int = 0, element: String? = nil) -> Location {
        Location(file: file, line: line, column: column + offset, element: element)
    }
}
