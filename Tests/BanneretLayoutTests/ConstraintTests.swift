import Testing
@testable import BanneretLayout

@Suite struct ConstraintTests {
    let x = Variable("x"), y = Variable("y"), z = Variable("z")

    @Test func operatorsBuildTheDifferenceOfBothSides() {
        let constraint = x + 2 * y - 10 >= z
        #expect(constraint.relation == .greaterOrEqual)
        #expect(constraint.strength == .required)
        #expect(constraint.expression.constant == -10)
        #expect(constraint.expression.terms.map(\.variable) == [x, y, z])
        #expect(constraint.expression.terms.map(\.coefficient) == [1, 2, -1])
    }

    @Test func duplicateVariablesAreMerged() {
        let constraint = x + y + 3 * x - y / 2 == 4 * x
        #expect(constraint.expression.terms.map(\.variable) == [y])
        #expect(constraint.expression.terms.map(\.coefficient) == [0.5])
    }

    @Test func scalingAndNegation() {
        let constraint = -(x - 2 * y) / 2 <= 3 - y
        #expect(constraint.relation == .lessOrEqual)
        #expect(constraint.expression.terms.map(\.coefficient) == [-0.5, 2])
        #expect(constraint.expression.constant == -3)
    }

    @Test func equationReadsLikeTheTemplate() {
        let top = Variable("cta.top"), bottom = Variable("headline.bottom")
        #expect((top >= bottom + 12).equation == "cta.top >= headline.bottom + 12")
        #expect((x + 2 == y + 10).equation == "x == y + 8")
        #expect((-x >= -5).equation == "x <= 5")
        #expect((2 * x <= 0.5 * y - 1).description == "2 * x <= 0.5 * y - 1")
        #expect((x == 3).strength(.strong).description == "x == 3 (strong)")
    }

    @Test func fluentCopiesAreNewConstraints() {
        let origin = ConstraintOrigin(file: "Templates/hero.yaml", line: 2, element: "logo")
        let base = x >= 10
        let strong = base.strength(.strong).weight(2).origin(origin)
        #expect(strong !== base)
        #expect(strong.strength == .strong)
        #expect(strong.weight == 2)
        #expect(strong.effectiveStrength.value == 2_000_000)
        #expect(strong.origin == origin)
        #expect(base.strength == .required)
        #expect(base.origin == nil)
    }

    @Test func weightFollowsKiwiCreate() {
        #expect(Strength.medium.weighted(by: 7).value == Strength.create(0, 1, 0, weight: 7).value)
        #expect(Strength.create(1, 2, 3).weighted(by: 2).value == Strength.create(1, 2, 3, weight: 2).value)
        // Each level clips at 1000 as in kiwi.
        #expect(Strength.weak.weighted(by: 5000).value == 1000)
        // Required stays required whatever the weight.
        #expect((x == 1).weight(0.5).effectiveStrength.isRequired)
    }

    @Test func originDescription() {
        #expect(ConstraintOrigin(file: "a.yaml", line: 14, column: 5, element: "cta").description == "a.yaml:14:5 element 'cta'")
        #expect(ConstraintOrigin(file: "a.yaml").description == "a.yaml")
        #expect(ConstraintOrigin(line: 2, column: 7).description == "line 2, column 7")
        #expect(ConstraintOrigin(element: "logo").description == "element 'logo'")
    }
}
