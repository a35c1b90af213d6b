/// A linear expression: a sum of ``Term``s plus a constant.
///
/// Expressions are usually written with the arithmetic operators on
/// ``Variable``s and numbers (`x + 2 * y - 10`), and become ``Constraint``s
/// through `==`, `<=` and `>=`.
public struct Expression: CustomStringConvertible {
    public let terms: [Term]
    public let constant: Double

    public init(terms: [Term] = [], constant: Double = 0) {
        self.terms = terms
        self.constant = constant
    }

    public init(_ variable: Variable) {
        self.init(terms: [Term(variable)])
    }

    public init(_ constant: Double) {
        self.init(constant: constant)
    }

    /// The expression evaluated at its variables' last solved values.
    public var value: Double {
        terms.reduce(constant) { $0 + $1.value }
    }

    /// The same expression with each variable appearing once, in order of
    /// first appearance. Terms whose coefficients cancel exactly are dropped;
    /// the solver itself ignores near-zero coefficients when it builds rows.
    public func reduced() -> Expression {
        var index: [ObjectIdentifier: Int] = [:]
        var variables: [Variable] = []
        var coefficients: [Double] = []
        for term in terms {
            let key = ObjectIdentifier(term.variable)
            if let at = index[key] {
                coefficients[at] += term.coefficient
            } else {
                index[key] = variables.count
                variables.append(term.variable)
                coefficients.append(term.coefficient)
            }
        }
        var merged: [Term] = []
        merged.reserveCapacity(variables.count)
        for (variable, coefficient) in zip(variables, coefficients) where coefficient != 0 {
            merged.append(Term(variable, coefficient))
        }
        return Expression(terms: merged, constant: constant)
    }

    public var description: String {
        var text = ""
        for term in terms {
            if text.isEmpty {
                text = term.coefficient < 0 ? "-" + Term(term.variable, -term.coefficient).description : term.description
            } else if term.coefficient < 0 {
                text += " - " + Term(term.variable, -term.coefficient).description
            } else {
                text += " + " + term.description
            }
        }
        if text.isEmpty { return formatNumber(constant) }
        if constant > 0 { text += " + " + formatNumber(constant) }
        if constant < 0 { text += " - " + formatNumber(-constant) }
        return text
    }
}
