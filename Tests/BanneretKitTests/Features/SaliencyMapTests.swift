import Testing
@testable import BanneretKit

@Suite struct SaliencyMapTests {
    func spec(canvas: BannerSize, product: ImageElement?) -> BannerSpec {
        BannerSpec(size: canvas, background: .solid(.white), elements: product.map { [.image($0)] } ?? [])
    }

    /// A 4×2 picture whose left half is opaque and right half transparent.
    func halfCutout() -> DecodedImage {
        let base = PixelBuffer(width: 4, height: 2)
        paint(base, x: 0, y: 0, width: 2, height: 2, .black)
        return DecodedImage(base: base, hasAlpha: true)
    }

    @Test func withoutThePictureTheProductFrameIsSalient() {
        let product = ImageElement(id: "product", frame: Rect(x: 0, y: 0, width: 100, height: 100), source: "p.png", fit: .contain, showsProduct: true)
        let grid = SamplingGrid(width: 200, height: 100)
        let map = SaliencyMap(spec: spec(canvas: BannerSize(width: 200, height: 100), product: product), grid: grid,
                              productImage: nil)
        #expect(abs(map.meanValue - 0.5) < 0.02)
        #expect(map.values[0] == 1)
        #expect(map.values[grid.columns - 1] == 0)
    }

    @Test func aCutoutIsSalientWhereItsPixelsAreOpaqueAndWhereItIsDrawn() {
        // contain: the 4×2 picture scales by 25 into the 100×100 frame, centred: y 25..75.
        let product = ImageElement(id: "product", frame: Rect(x: 0, y: 0, width: 100, height: 100), source: "p.png", fit: .contain, showsProduct: true)
        let grid = SamplingGrid(width: 100, height: 100)
        #expect(grid.step == 1)
        let map = SaliencyMap(spec: spec(canvas: BannerSize(width: 100, height: 100), product: product), grid: grid,
                              productImage: halfCutout())
        func at(_ x: Int, _ y: Int) -> Double { map.values[y * grid.columns + x] }
        #expect(at(10, 50) == 1)   // opaque half
        #expect(at(90, 50) == 0)   // transparent half
        #expect(at(10, 10) == 0)   // letterbox above the picture
        #expect(at(10, 90) == 0)   // and below it
        #expect(abs(map.meanValue - 0.25) < 1e-12)
    }

    @Test func coverFillsTheFrameAroundTheFocusAndIsClippedToIt() {
        // cover: scale 50 makes the picture 200×100, focus on its left edge keeps x 0..100 in view: the opaque half.
        let product = ImageElement(id: "product", frame: Rect(x: 0, y: 0, width: 100, height: 100), source: "p.png",
                                   fit: .cover, focus: Point(x: 0, y: 0.5), showsProduct: true)
        let grid = SamplingGrid(width: 150, height: 100)
        let map = SaliencyMap(spec: spec(canvas: BannerSize(width: 150, height: 100), product: product), grid: grid,
                              productImage: halfCutout())
        let salient = map.values.reduce(0, +) * Double(grid.step * grid.step)
        #expect(abs(salient - 100 * 100) < 400)   // the whole frame, nothing beyond it
    }

    @Test func aBannerWithoutProductHasNoSalientArea() {
        let map = SaliencyMap(spec: spec(canvas: BannerSize(width: 50, height: 50), product: nil),
                              grid: SamplingGrid(width: 50, height: 50), productImage: nil)
        #expect(map.meanValue == 0)
    }
}
