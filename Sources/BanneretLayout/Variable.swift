/// An unknown that the ``Solver`` chooses a value for.
///
/// Variables compare and hash by identity, like kiwi's shared handles: two
/// variables with the same name are still two unknowns. The solver writes
/// ``value`` only in ``Solver/updateVariables()``, so reading it between
/// edits is cheap and never triggers a solve.
public final class Variable: Hashable, CustomStringConvertible {
    /// A label for messages; the solver never looks at it.
    public let name: String

    /// The value chosen by the last ``Solver/updateVariables()`` of a solver
    /// that knows this variable, 0 before that.
    public internal(set) var value: Double = 0

    public init(_ name: String = "") {
        self.name = name
    }

    public static func == (lhs: Variable, rhs: Variable) -> Bool { lhs === rhs }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(ObjectIdentifier(self))
    }

    public var description: String { name.isEmpty ? "<unnamed variable>" : name }
}
