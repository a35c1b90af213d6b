import Testing
@testable import BanneretLayout

/// Required constraints that cannot be met are tried and rolled back; the
/// solver must stay usable after any number of them. A template that asks
/// for the impossible once crashed the ratio test here: a rolled-back row
/// left its slot's bits in the column index.
@Suite struct RollbackStressTests {
    @Test(arguments: 0 ..< 40)
    func survivesFailedRequiredConstraintsAmongManyOthers(seed: Int) {
        var random = SplitMix64(seed: UInt64(seed) &* 0x9E37_79B9 &+ 17)
        let variables = (0 ..< 12).map { Variable("v\($0)") }
        let solver = Solver()
        var failures = 0
        for step in 0 ..< 160 {
            var terms: [Term] = []
            for _ in 0 ... random.below(3) {
                terms.append(Term(variables[random.below(variables.count)], [1, -1, 2, -0.5, 1.5][random.below(5)]))
            }
            let expression = Expression(terms: terms, constant: Double(random.below(200)) - 100)
            let relation: Relation = [.equal, .lessOrEqual, .greaterOrEqual][random.below(3)]
            let strength: Strength = step % 3 == 0 ? .required : [Strength.strong, .medium, .weak][random.below(3)]
            do {
                try solver.addConstraint(Constraint(expression, relation, strength: strength))
            } catch {
                failures += 1
            }
            if step % 17 == 0 {
                let edited = variables[random.below(variables.count)]
                if !solver.hasEditVariable(edited) { try? solver.addEditVariable(edited, strength: .strong) }
                try? solver.suggestValue(edited, Double(random.below(400)))
            }
        }
        solver.updateVariables()
        #expect(failures > 0, "the stress only means something if some required constraints were refused")
        #expect(variables.allSatisfy { $0.value.isFinite })
    }
}
