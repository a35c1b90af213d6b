import Testing
@testable import BanneretKit

@Suite struct SamplingGridTests {
    @Test func smallBannersAreSampledEveryFewPixels() {
        let grid = SamplingGrid(width: 300, height: 250)
        #expect(grid.step == 3)
        #expect(grid.count <= 12_000)
        #expect(SamplingGrid(width: 100, height: 100).step == 1)
        #expect(SamplingGrid(width: 1080, height: 1080).count <= 12_000)
    }

    @Test func cellsInARectAreThoseWhosePixelCentreLiesInIt() {
        let grid = SamplingGrid(width: 300, height: 250)
        // Sample pixels are 1, 4, 7, …; centres 1.5, 4.5, 7.5, …
        let (columns, rows) = grid.cells(in: Rect(x: 4, y: 0, width: 6, height: 2))
        #expect(columns == 1 ..< 3)
        #expect(rows == 0 ..< 1)
        let mask = grid.mask(covering: [Rect(x: 4, y: 0, width: 6, height: 2)])
        #expect(mask.filter { $0 }.count == 2)
        #expect(grid.pixelX(grid.columns - 1) < 300)
    }
}
