import Testing
@testable import BanneretKit

@Suite struct ShapeCoverageTests {
    func shape(_ kind: ShapeElement.Kind) -> ShapeElement {
        ShapeElement(id: "s", frame: Rect(x: 0, y: 0, width: 100, height: 40), kind: kind, fill: .solid(.black))
    }

    @Test func rectanglesCoverTheirWholeFrame() {
        #expect(shape(.rectangle).covers(x: 0.5, y: 0.5))
        #expect(!shape(.rectangle).covers(x: 100.5, y: 20))
    }

    @Test func ellipsesLeaveTheirCornersUncovered() {
        #expect(shape(.ellipse).covers(x: 50, y: 20))
        #expect(shape(.ellipse).covers(x: 1, y: 20))
        #expect(!shape(.ellipse).covers(x: 3, y: 3))
    }

    @Test func pillsRoundTheirEndsOnly() {
        let pill = shape(.pill)
        #expect(pill.covers(x: 50, y: 1))      // the straight top edge
        #expect(!pill.covers(x: 1, y: 1))      // a rounded corner
        #expect(pill.covers(x: 20, y: 20))     // the centre of the left cap
        let rounded = shape(.roundedRectangle(radius: 4))
        #expect(rounded.covers(x: 4, y: 4) && !rounded.covers(x: 0.5, y: 0.5))
    }
}
