import Testing
@testable import BanneretKit

@Suite struct UnderlayEffectivenessTests {
    func box(_ id: String, _ x: Double, _ y: Double, _ w: Double, _ h: Double,
             _ role: LayoutElement.Role = .text) -> LayoutElement {
        LayoutElement(id: id, frame: Rect(x: x, y: y, width: w, height: h), role: role, paintOrder: 0)
    }

    @Test func textEntirelyOnAnUnderlayIsStrictlyEffective() throws {
        let result = try #require(UnderlayEffectiveness.measure([box("card", 0, 0, 50, 50, .underlay),
                                                                 box("label", 10, 10, 20, 10)]))
        #expect(result.loose == 1)
        #expect(result.strict == 1)
    }

    @Test func textHalfOffItsUnderlayIsOnlyLooselyEffective() throws {
        // Half of the label's 20 px width lies beyond the card's right edge.
        let result = try #require(UnderlayEffectiveness.measure([box("card", 0, 0, 50, 50, .underlay),
                                                                 box("label", 40, 10, 20, 10)]))
        #expect(abs(result.loose - 0.5) < 1e-12)
        #expect(result.strict == 0)
    }

    @Test func scoresAreAveragedOverUnderlaysAndUnderlaysCarryNoUnderlays() throws {
        let result = try #require(UnderlayEffectiveness.measure([
            box("card", 0, 0, 50, 50, .underlay), box("label", 10, 10, 20, 10),
            box("empty", 60, 60, 30, 30, .underlay), box("disc", 65, 65, 10, 10, .underlay),
        ]))
        // The card carries the label (1, 1); the empty card holds only another underlay (0, 0),
        // and the disc carries nothing (0, 0): a third each way.
        #expect(abs(result.loose - 1.0 / 3) < 1e-12)
        #expect(abs(result.strict - 1.0 / 3) < 1e-12)
    }

    @Test func theProductCountsAsCargo() throws {
        let result = try #require(UnderlayEffectiveness.measure([box("card", 0, 0, 50, 50, .underlay),
                                                                 box("product", 5, 5, 40, 40, .product)]))
        #expect(result.strict == 1)
    }

    @Test func withoutUnderlaysThereIsNoValue() {
        #expect(UnderlayEffectiveness.measure([box("a", 0, 0, 10, 10), box("b", 20, 0, 10, 10)]) == nil)
        #expect(UnderlayEffectiveness.measure([box("card", 0, 0, 50, 50, .underlay)]) == nil)
    }
}
