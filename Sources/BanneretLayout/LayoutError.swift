/// Why the ``Solver`` refused an operation.
///
/// Each case carries the constraint or variable at fault, so a caller can
/// point at the template line it came from (``Constraint/origin``), and the
/// ``description`` says what to change.
///
/// The payloads are reference types that are not `Sendable` themselves
/// (a ``Variable``'s value is written by its solver); the error only reads
/// their immutable parts, so sending it to another thread to be reported is
/// safe as long as no solver is updating those variables at the same time.
public enum LayoutError: Error, CustomStringConvertible, @unchecked Sendable {
    /// A required constraint conflicts with the required constraints already
    /// in the solver. The solver is left as it was before the call.
    case unsatisfiable(Constraint)
    /// The constraint is already in the solver.
    case duplicateConstraint(Constraint)
    /// The constraint is not in the solver.
    case unknownConstraint(Constraint)
    /// The variable is already an edit variable.
    case duplicateEditVariable(Variable)
    /// The variable is not an edit variable.
    case unknownEditVariable(Variable)
    /// An edit variable was given required strength; suggestions must be able to yield.
    case badRequiredStrength(Variable)
    /// The tableau reached a state the simplex method should never produce
    /// (kiwi's `InternalSolverError`): a bug, not a property of the layout.
    case internalFailure(String)

    /// The constraint at fault, if the error is about one.
    public var constraint: Constraint? {
        switch self {
        case .unsatisfiable(let constraint), .duplicateConstraint(let constraint), .unknownConstraint(let constraint):
            constraint
        default:
            nil
        }
    }

    /// The variable at fault, if the error is about one.
    public var variable: Variable? {
        switch self {
        case .duplicateEditVariable(let variable), .unknownEditVariable(let variable), .badRequiredStrength(let variable):
            variable
        default:
            nil
        }
    }

    /// Where the constraint at fault was written, if known.
    public var origin: ConstraintOrigin? { constraint?.origin }

    public var description: String {
        switch self {
        case .unsatisfiable(let constraint):
            return Self.describe(constraint)
                + " cannot be satisfied together with the required constraints;"
                + " make it non-required (.strong or weaker) or relax the constraints it conflicts with"
        case .duplicateConstraint(let constraint):
            return Self.describe(constraint) + " was already added to this solver; add each constraint once"
        case .unknownConstraint(let constraint):
            return Self.describe(constraint)
                + " is not in this solver: it was never added or was already removed"
                + " (strength(_:), weight(_:) and origin(_:) make new constraints)"
        case .duplicateEditVariable(let variable):
            return "variable '\(variable)' is already an edit variable; remove it first to change its strength"
        case .unknownEditVariable(let variable):
            return "variable '\(variable)' is not an edit variable; call addEditVariable(_:strength:) first"
        case .badRequiredStrength(let variable):
            return "edit variable '\(variable)' cannot have required strength; use .strong or weaker"
        case .internalFailure(let detail):
            return "the layout solver failed internally (\(detail)); this is a bug in BanneretLayout"
        }
    }

    /// "`file:line:column element 'x': constraint `a >= b + 12``".
    private static func describe(_ constraint: Constraint) -> String {
        let text = "constraint `\(constraint.origin?.source ?? constraint.equation)`"
        guard let origin = constraint.origin else { return text }
        let place = origin.description
        return place.isEmpty ? text : "\(place): \(text)"
    }
}
