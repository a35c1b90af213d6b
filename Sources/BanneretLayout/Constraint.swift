/// How a constraint's expression compares with zero.
public enum Relation: Sendable, Hashable, CustomStringConvertible {
    case lessOrEqual
    case equal
    case greaterOrEqual

    public var description: String {
        switch self {
        case .lessOrEqual: "<="
        case .equal: "=="
        case .greaterOrEqual: ">="
        }
    }

    var flipped: Relation {
        switch self {
        case .lessOrEqual: .greaterOrEqual
        case .equal: .equal
        case .greaterOrEqual: .lessOrEqual
        }
    }
}

/// A linear relation `expression <relation> 0` with a strength.
///
/// Write constraints with the operators (`x + 2 * y - 10 >= z`) and adjust
/// them fluently: `(x >= 10).strength(.strong).weight(2)`. A solver knows a
/// constraint by identity, as kiwi does: ``strength(_:)``, ``weight(_:)`` and
/// ``origin(_:)`` return a *new* constraint, so keep the one you added if you
/// mean to remove it later.
public final class Constraint: Hashable, CustomStringConvertible {
    /// The left side minus the right side, each variable appearing once.
    public let expression: Expression
    public let relation: Relation
    /// The strength as declared, before ``weight`` is applied.
    public let strength: Strength
    /// Scales each level of a non-required ``strength``, like the `w` of
    /// kiwi's `strength::create(a, b, c, w)`; required constraints stay required.
    public let weight: Double
    /// ``strength`` with ``weight`` applied: what the solver optimizes with.
    public let effectiveStrength: Strength
    /// The template text this constraint was written from, if any.
    public let origin: ConstraintOrigin?

    public init(
        _ expression: Expression,
        _ relation: Relation,
        strength: Strength = .required,
        weight: Double = 1,
        origin: ConstraintOrigin? = nil
    ) {
        precondition(weight.isFinite && weight >= 0, "a constraint's weight must be finite and not negative")
        self.expression = expression.reduced()
        self.relation = relation
        self.strength = strength
        self.weight = weight
        self.effectiveStrength = strength.weighted(by: weight)
        self.origin = origin
    }

    private init(copying other: Constraint, strength: Strength, weight: Double, origin: ConstraintOrigin?) {
        precondition(weight.isFinite && weight >= 0, "a constraint's weight must be finite and not negative")
        self.expression = other.expression
        self.relation = other.relation
        self.strength = strength
        self.weight = weight
        self.effectiveStrength = strength.weighted(by: weight)
        self.origin = origin
    }

    /// A new constraint like this one with another strength.
    public func strength(_ strength: Strength) -> Constraint {
        Constraint(copying: self, strength: strength, weight: weight, origin: origin)
    }

    /// A new constraint like this one with another weight.
    public func weight(_ weight: Double) -> Constraint {
        Constraint(copying: self, strength: strength, weight: weight, origin: origin)
    }

    /// A new constraint like this one that remembers where it was written.
    public func origin(_ origin: ConstraintOrigin?) -> Constraint {
        Constraint(copying: self, strength: strength, weight: weight, origin: origin)
    }

    /// Whether the variables' last solved values break this constraint
    /// (equalities within kiwi's 1e-8).
    public var isViolated: Bool {
        let value = expression.value
        switch relation {
        case .equal: return !nearZero(value)
        case .greaterOrEqual: return value < 0
        case .lessOrEqual: return value > 0
        }
    }

    public static func == (lhs: Constraint, rhs: Constraint) -> Bool { lhs === rhs }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(self))
    }

    /// The relation as a person would write it: variables with positive
    /// coefficients on the left, the rest moved right (`cta.top >= headline.bottom + 12`).
    public var equation: String {
        let left = expression.terms.filter { $0.coefficient > 0 }
        let right = expression.terms.filter { $0.coefficient < 0 }.map { Term($0.variable, -$0.coefficient) }
        let rightConstant = -expression.constant
        if left.isEmpty && !right.isEmpty {
            // `-x >= -5` reads better as `x <= 5`.
            return Expression(terms: right, constant: 0).description + " \(relation.flipped) "
                + Expression(constant: -rightConstant).description
        }
        return Expression(terms: left, constant: 0).description + " \(relation) "
            + Expression(terms: right, constant: rightConstant).description
    }

    public var description: String {
        effectiveStrength.isRequired ? equation : "\(equation) (\(effectiveStrength))"
    }
}
