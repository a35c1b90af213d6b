import Testing
@testable import BanneretKit

@Suite struct RectangleUnionTests {
    static let bounds = Rect(x: 0, y: 0, width: 100, height: 100)

    @Test func overlapsCountOnce() {
        let area = RectangleUnion.area(of: [Rect(x: 0, y: 0, width: 10, height: 10), Rect(x: 5, y: 0, width: 10, height: 10)],
                                       within: Self.bounds)
        #expect(area == 150)
    }

    @Test func areaBeyondTheBoundsIsNotCounted() {
        #expect(RectangleUnion.area(of: [Rect(x: 90, y: 90, width: 20, height: 20)], within: Self.bounds) == 100)
        #expect(RectangleUnion.area(of: [], within: Self.bounds) == 0)
    }

    @Test func nestedRectanglesCountAsTheOuterOne() {
        let area = RectangleUnion.area(of: [Rect(x: 0, y: 0, width: 50, height: 50), Rect(x: 10, y: 10, width: 5, height: 5)],
                                       within: Self.bounds)
        #expect(area == 2500)
    }
}
