/// A variable scaled by a coefficient: the `2 * y` in `x + 2 * y >= 10`.
public struct Term: CustomStringConvertible {
    public let variable: Variable
    public let coefficient: Double

    public init(_ variable: Variable, _ coefficient: Double = 1) {
        self.variable = variable
        self.coefficient = coefficient
    }

    /// The term evaluated at the variable's last solved value.
    public var value: Double { coefficient * variable.value }

    public var description: String {
        coefficient == 1 ? variable.description : "\(formatNumber(coefficient)) * \(variable)"
    }
}

/// Numbers in messages read like the template that wrote them: `12`, not `12.0`.
func formatNumber(_ value: Double) -> String {
    if value == value.rounded(), abs(value) < 1e15 {
        return String(Int64(value))
    }
    return String(value)
}
