@testable import BanneretLayout

/// One `RandomSystem` played through a `Solver`, recording what the fixture
/// script records from kiwisolver: the verdict of every failed operation and,
/// at each checkpoint, the error per strength level and every value.
struct SystemRun {
    struct Checkpoint {
        var index: Int
        /// Summed weighted violation: required, strong, medium, weak.
        var errors: [Double]
        var values: [Double]
    }

    var verdicts: [(operation: Int, letter: Character)] = []
    var checkpoints: [Checkpoint] = []
    /// Objective coefficients the solver zeroed as rounding noise.
    var numericalRepairs = 0

    /// Plays `system` on `solver` after resetting it; with `kiwiEnteringRule`
    /// the solver pivots exactly as kiwi.
    init(_ system: RandomSystem, kiwiEnteringRule: Bool = false, solver: Solver = Solver()) {
        let variables = (0..<system.variableCount).map { Variable("v\($0)") }
        let constraints = system.specs.map { system.makeConstraint($0, variables: variables) }
        solver.reset()
        solver.usesKiwiEnteringRule = kiwiEnteringRule
        defer { numericalRepairs = solver.numericalRepairs }
        var active: [Int] = []
        var edits: [(variable: Int, level: RandomSystem.Level, suggestion: Int)] = []

        for (position, operation) in system.operations.enumerated() {
            do throws(LayoutError) {
                switch operation {
                case .add(let index):
                    try solver.addConstraint(constraints[index])
                    active.append(index)
                case .remove(let index):
                    try solver.removeConstraint(constraints[index])
                    active.removeAll { $0 == index }
                case .addEdit(let variable, let level):
                    try solver.addEditVariable(variables[variable], strength: level.strength)
                    edits.append((variable, level, 0))
                case .removeEdit(let variable):
                    try solver.removeEditVariable(variables[variable])
                    edits.removeAll { $0.variable == variable }
                case .suggest(let variable, let value):
                    try solver.suggestValue(variables[variable], Double(value))
                    if let at = edits.firstIndex(where: { $0.variable == variable }) {
                        edits[at].suggestion = value
                    }
                case .check(let index):
                    solver.updateVariables()
                    let values = variables.map(\.value)
                    checkpoints.append(Checkpoint(
                        index: index,
                        errors: SystemRun.levelErrors(values, system: system, active: active, edits: edits),
                        values: values))
                }
            } catch {
                verdicts.append((position, SystemRun.letter(for: error)))
            }
        }
    }

    static func letter(for error: LayoutError) -> Character {
        switch error {
        case .unsatisfiable: "U"
        case .duplicateConstraint: "D"
        case .unknownConstraint: "K"
        case .duplicateEditVariable: "E"
        case .unknownEditVariable: "F"
        case .badRequiredStrength: "R"
        case .internalFailure: "I"
        }
    }

    static func levelErrors(
        _ values: [Double], system: RandomSystem, active: [Int],
        edits: [(variable: Int, level: RandomSystem.Level, suggestion: Int)]
    ) -> [Double] {
        var errors = [0.0, 0.0, 0.0, 0.0]
        for index in active {
            let spec = system.specs[index]
            var value = Double(spec.constant)
            for term in spec.terms {
                value += RandomSystem.coefficients[term.coefficient] * values[term.variable]
            }
            let violation = switch spec.relation {
            case 0: abs(value)
            case 1: max(0, value)
            default: max(0, -value)
            }
            errors[spec.level.rawValue] += RandomSystem.weights[spec.weight] * violation
        }
        for edit in edits {
            errors[edit.level.rawValue] += abs(values[edit.variable] - Double(edit.suggestion))
        }
        return errors
    }
}
