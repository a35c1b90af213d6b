import Testing
@testable import BanneretLayout

@Suite struct SolverTests {
    @Test func singleEquality() throws {
        let x = Variable("x")
        let solver = Solver()
        try solver.addConstraint(x == 20)
        solver.updateVariables()
        #expect(x.value == 20)
    }

    @Test func kiwiReadmeExample() throws {
        // x == 20, x + 2 == y + 10 leaves y == 12.
        let x = Variable("x"), y = Variable("y")
        let solver = Solver()
        try solver.addConstraint(x == 20)
        try solver.addConstraint(x + 2 == y + 10)
        solver.updateVariables()
        #expect(x.value == 20)
        #expect(y.value == 12)
    }

    @Test func strongerPreferenceWins() throws {
        let x = Variable("x")
        let solver = Solver()
        try solver.addConstraint((x == 10).strength(.weak))
        try solver.addConstraint((x == 30).strength(.strong))
        try solver.addConstraint((x == 20).strength(.medium))
        solver.updateVariables()
        #expect(x.value == 30)
    }

    @Test func requiredBoundsClampPreferences() throws {
        let x = Variable("x")
        let solver = Solver()
        try solver.addConstraint(x <= 100)
        try solver.addConstraint(x >= 0)
        try solver.addConstraint((x == 150).strength(.strong))
        solver.updateVariables()
        #expect(x.value == 100)
    }

    @Test func weightTradesWithinALevel() throws {
        // Two weak wishes pull apart; the heavier one wins.
        let x = Variable("x")
        let solver = Solver()
        try solver.addConstraint((x == 10).strength(.weak).weight(3))
        try solver.addConstraint((x == 40).strength(.weak))
        solver.updateVariables()
        #expect(x.value == 10)
    }

    @Test func centeredBoxBetweenEdges() throws {
        // A classic layout: left <= right - 10, middle halfway, right <= 100.
        let left = Variable("left"), middle = Variable("middle"), right = Variable("right")
        let solver = Solver()
        try solver.addConstraint(2 * middle == left + right)
        try solver.addConstraint(left + 10 <= right)
        try solver.addConstraint(right <= 100)
        try solver.addConstraint(left >= 0)
        solver.updateVariables()
        #expect(2 * middle.value == left.value + right.value)
        #expect(left.value + 10 <= right.value)

        try solver.addEditVariable(middle, strength: .strong)
        try solver.suggestValue(middle, 70)
        solver.updateVariables()
        #expect(middle.value == 70)
        #expect(2 * middle.value == left.value + right.value)
        #expect(right.value <= 100)
        #expect(left.value >= 0)

        // Pushing past what the required constraints allow stops at the wall.
        try solver.suggestValue(middle, 99)
        solver.updateVariables()
        #expect(middle.value == 95)
        #expect(right.value == 100)
        #expect(left.value == 90)
    }

    @Test func editVariableFollowsSuggestions() throws {
        let width = Variable("width"), height = Variable("height")
        let solver = Solver()
        try solver.addConstraint(height == width / 2)
        try solver.addEditVariable(width, strength: .strong)
        #expect(solver.hasEditVariable(width))
        for suggestion in [300.0, 728, 160, 970] {
            try solver.suggestValue(width, suggestion)
            solver.updateVariables()
            #expect(width.value == suggestion)
            #expect(height.value == suggestion / 2)
        }
        try solver.removeEditVariable(width)
        #expect(!solver.hasEditVariable(width))
    }

    @Test func removalRestoresPreviousSolution() throws {
        let x = Variable("x"), y = Variable("y")
        let solver = Solver()
        try solver.addConstraint((x == 10).strength(.weak))
        try solver.addConstraint(y == x + 5)
        solver.updateVariables()
        #expect(x.value == 10)
        #expect(y.value == 15)

        let override = (x == 50).strength(.strong)
        try solver.addConstraint(override)
        #expect(solver.hasConstraint(override))
        solver.updateVariables()
        #expect(x.value == 50)
        #expect(y.value == 55)

        try solver.removeConstraint(override)
        #expect(!solver.hasConstraint(override))
        solver.updateVariables()
        #expect(x.value == 10)
        #expect(y.value == 15)
    }

    @Test func unsatisfiableConstraintLeavesSolverUnchanged() throws {
        let x = Variable("x"), y = Variable("y")
        let solver = Solver()
        try solver.addConstraint(x == 10)
        try solver.addConstraint(y >= x)
        try solver.addConstraint((y == 0).strength(.weak))
        solver.updateVariables()
        #expect(y.value == 10)

        let conflict = y <= 5
        #expect(throws: LayoutError.self) { try solver.addConstraint(conflict) }
        #expect(!solver.hasConstraint(conflict))
        solver.updateVariables()
        #expect(x.value == 10)
        #expect(y.value == 10)

        // The earlier constraints still come out and go back in cleanly.
        try solver.addConstraint(y <= 20)
        try solver.addEditVariable(y, strength: .strong)
        try solver.suggestValue(y, 15)
        solver.updateVariables()
        #expect(y.value == 15)
        try solver.suggestValue(y, 3)
        solver.updateVariables()
        #expect(y.value == 10)
    }

    @Test func redundantRequiredEqualitiesAreAccepted() throws {
        let x = Variable("x"), y = Variable("y")
        let solver = Solver()
        try solver.addConstraint(x == y)
        try solver.addConstraint(y == 7)
        try solver.addConstraint(x == 7)
        solver.updateVariables()
        #expect(x.value == 7)
        #expect(y.value == 7)
    }

    @Test func resetForgetsEverything() throws {
        let x = Variable("x")
        let pin = x == 3
        let solver = Solver()
        try solver.addConstraint(pin)
        try solver.addEditVariable(x, strength: .weak)
        solver.reset()
        #expect(!solver.hasConstraint(pin))
        #expect(!solver.hasEditVariable(x))
        try solver.addConstraint(x == 4)
        solver.updateVariables()
        #expect(x.value == 4)
    }

    @Test func unknownVariablesReadZero() throws {
        // kiwi reports a non-basic variable as 0; the solver must agree.
        let x = Variable("x"), y = Variable("y")
        let solver = Solver()
        try solver.addConstraint(x + y >= 0)
        solver.updateVariables()
        #expect(x.value + y.value >= 0)
    }
}

@Suite struct BatchAddTests {
    @Test func batchGivesTheSameSolutionAsOneByOne() throws {
        let left = Variable("left"), width = Variable("width"), right = Variable("right")
        func constraints() -> [Constraint] {
            [
                right == left + width,
                left >= 10,
                right <= 300,
                (width == 500).strength(.strong),
                (left == 0).strength(.weak),
            ]
        }
        let batch = Solver()
        try batch.addConstraints(constraints())
        batch.updateVariables()
        let batchValues = [left.value, width.value, right.value]

        let single = Solver()
        for constraint in constraints() {
            try single.addConstraint(constraint)
        }
        single.updateVariables()
        #expect([left.value, width.value, right.value] == batchValues)
        #expect(batchValues == [10, 290, 300])
    }

    @Test func batchStopsAtTheFirstFailureAndKeepsWhatCameBefore() throws {
        let x = Variable("x")
        let low = x >= 10, high = x <= 5, wish = (x == 20).strength(.weak)
        let solver = Solver()
        do {
            try solver.addConstraints([low, high, wish])
            Issue.record("expected the batch to fail")
        } catch {
            guard case .unsatisfiable(let culprit) = error else {
                Issue.record("expected unsatisfiable, got \(error)")
                return
            }
            #expect(culprit === high)
        }
        #expect(solver.hasConstraint(low))
        #expect(!solver.hasConstraint(high))
        #expect(!solver.hasConstraint(wish))
        solver.updateVariables()
        #expect(x.value == 10)
    }
}

@Suite struct ResetTests {
    /// A reset solver reuses its storage but must answer exactly as a new one.
    @Test func aResetSolverAnswersLikeANewOne() {
        let reused = Solver()
        for seed in UInt64(1)...150 {
            let system = RandomSystem(seed: seed)
            let fresh = SystemRun(system)
            let again = SystemRun(system, solver: reused)
            #expect(again.verdicts.map(\.letter) == fresh.verdicts.map(\.letter), "system \(seed)")
            #expect(again.checkpoints.map(\.values) == fresh.checkpoints.map(\.values), "system \(seed)")
        }
    }
}
