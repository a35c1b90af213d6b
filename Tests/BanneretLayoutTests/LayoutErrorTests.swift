import Testing
@testable import BanneretLayout

@Suite struct LayoutErrorTests {
    let heroCTA = ConstraintOrigin(
        file: "Templates/hero.yaml", line: 14, column: 5, element: "cta",
        source: "cta.top >= headline.bottom + 12")

    /// The layout error thrown by `body`, nil if it threw none.
    func error(_ body: () throws -> Void) -> LayoutError? {
        do {
            try body()
            return nil
        } catch {
            return error as? LayoutError
        }
    }

    @Test func unsatisfiableCarriesTheConstraintAndItsOrigin() throws {
        let top = Variable("cta.top"), bottom = Variable("headline.bottom")
        let solver = Solver()
        try solver.addConstraint(bottom == 200)
        try solver.addConstraint(top <= 150)
        let gap = (top >= bottom + 12).origin(heroCTA)
        let thrown = error { try solver.addConstraint(gap) }
        guard case .unsatisfiable(let culprit)? = thrown else {
            Issue.record("expected unsatisfiable, got \(String(describing: thrown))")
            return
        }
        #expect(culprit === gap)
        #expect(thrown?.origin == heroCTA)
        #expect(thrown?.description == "Templates/hero.yaml:14:5 element 'cta': constraint `cta.top >= headline.bottom + 12`"
            + " cannot be satisfied together with the required constraints;"
            + " make it non-required (.strong or weaker) or relax the constraints it conflicts with")
    }

    @Test func unsatisfiableRequiredEqualityOfDummies() throws {
        // The second equality reduces to a row of dummies with a non-zero constant.
        let x = Variable("x")
        let solver = Solver()
        try solver.addConstraint(x == 10)
        let clash = (x == 11).origin(ConstraintOrigin(line: 3, element: "logo"))
        let thrown = error { try solver.addConstraint(clash) }
        guard case .unsatisfiable(let culprit)? = thrown else {
            Issue.record("expected unsatisfiable, got \(String(describing: thrown))")
            return
        }
        #expect(culprit === clash)
        #expect(thrown?.origin?.element == "logo")
        #expect(thrown?.description.hasPrefix("line 3 element 'logo': constraint `x == 11`") == true)
    }

    @Test func duplicateConstraint() throws {
        let x = Variable("x")
        let solver = Solver()
        let bound = (x >= 0).origin(heroCTA)
        try solver.addConstraint(bound)
        let thrown = error { try solver.addConstraint(bound) }
        guard case .duplicateConstraint(let culprit)? = thrown else {
            Issue.record("expected duplicateConstraint, got \(String(describing: thrown))")
            return
        }
        #expect(culprit === bound)
        #expect(thrown?.origin == heroCTA)
        #expect(thrown?.description.contains("already added") == true)
    }

    @Test func unknownConstraint() throws {
        let x = Variable("x")
        let solver = Solver()
        let bound = (x >= 0).origin(heroCTA)
        let thrown = error { try solver.removeConstraint(bound) }
        guard case .unknownConstraint(let culprit)? = thrown else {
            Issue.record("expected unknownConstraint, got \(String(describing: thrown))")
            return
        }
        #expect(culprit === bound)
        #expect(thrown?.origin == heroCTA)
        #expect(thrown?.description.hasPrefix("Templates/hero.yaml:14:5 element 'cta': constraint `cta.top >= headline.bottom + 12`") == true)

        // A re-strengthened copy is a different constraint, as in kiwi.
        try solver.addConstraint(bound)
        let copy = bound.strength(.strong)
        #expect(!solver.hasConstraint(copy))
        #expect(throws: LayoutError.self) { try solver.removeConstraint(copy) }
    }

    @Test func duplicateEditVariable() throws {
        let width = Variable("banner.width")
        let solver = Solver()
        try solver.addEditVariable(width, strength: .strong)
        let thrown = error { try solver.addEditVariable(width, strength: .medium) }
        guard case .duplicateEditVariable(let culprit)? = thrown else {
            Issue.record("expected duplicateEditVariable, got \(String(describing: thrown))")
            return
        }
        #expect(culprit === width)
        #expect(thrown?.variable === width)
        #expect(thrown?.description == "variable 'banner.width' is already an edit variable; remove it first to change its strength")
    }

    @Test func unknownEditVariableOnSuggest() throws {
        let width = Variable("banner.width")
        let solver = Solver()
        let thrown = error { try solver.suggestValue(width, 300) }
        guard case .unknownEditVariable(let culprit)? = thrown else {
            Issue.record("expected unknownEditVariable, got \(String(describing: thrown))")
            return
        }
        #expect(culprit === width)
        #expect(thrown?.description.contains("addEditVariable") == true)
    }

    @Test func unknownEditVariableOnRemove() throws {
        let width = Variable("banner.width")
        let solver = Solver()
        let thrown = error { try solver.removeEditVariable(width) }
        guard case .unknownEditVariable(let culprit)? = thrown else {
            Issue.record("expected unknownEditVariable, got \(String(describing: thrown))")
            return
        }
        #expect(culprit === width)
    }

    @Test func badRequiredStrength() throws {
        let width = Variable("banner.width")
        let solver = Solver()
        let thrown = error { try solver.addEditVariable(width, strength: .required) }
        guard case .badRequiredStrength(let culprit)? = thrown else {
            Issue.record("expected badRequiredStrength, got \(String(describing: thrown))")
            return
        }
        #expect(culprit === width)
        #expect(!solver.hasEditVariable(width))
        #expect(thrown?.description == "edit variable 'banner.width' cannot have required strength; use .strong or weaker")
    }

    @Test func messageWithoutOriginShowsTheEquation() throws {
        let top = Variable("cta.top"), bottom = Variable("headline.bottom")
        let solver = Solver()
        let gap = top >= bottom + 12
        try solver.addConstraint(gap)
        let thrown = error { try solver.addConstraint(gap) }
        #expect(thrown?.description.hasPrefix("constraint `cta.top >= headline.bottom + 12` was already added") == true)
    }
}
