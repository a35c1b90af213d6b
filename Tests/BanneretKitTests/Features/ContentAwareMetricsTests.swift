import Testing
@testable import BanneretKit

@Suite struct ContentAwareMetricsTests {
    /// 100×100: the product fills the left half; one text sits on the free right half, one on the product.
    static let spec: BannerSpec = {
        var spec = BannerSpec(size: BannerSize(width: 100, height: 100), background: .solid(.white), elements: [
            .shape(ShapeElement(id: "card", frame: Rect(x: 0, y: 0, width: 50, height: 100), kind: .rectangle,
                                fill: .solid(.black))),
            .image(ImageElement(id: "product", frame: Rect(x: 0, y: 0, width: 50, height: 100), source: "p.png", fit: .contain, showsProduct: true)),
            .text(TextElement(id: "copy", frame: Rect(x: 50, y: 0, width: 50, height: 50), text: "Copy",
                              style: TextStyle(font: FontRole(family: "Inter"), minimumSize: 9, maximumSize: 20, color: .black))),
            .text(TextElement(id: "sticker", frame: Rect(x: 0, y: 0, width: 25, height: 25), text: "New",
                              style: TextStyle(font: FontRole(family: "Inter"), minimumSize: 9, maximumSize: 20, color: .black))),
        ])
        spec.underlays = ["card"]
        return spec
    }()

    func measure() -> (saliency: SaliencyMap, elements: [LayoutElement]) {
        let grid = SamplingGrid(width: 100, height: 100)
        let saliency = SaliencyMap(spec: Self.spec, grid: grid, productImage: nil)
        return (saliency, LayoutElement.elements(of: Self.spec).filter { $0.role != .product })
    }

    @Test func utilityIsTheShareOfFreeSpaceTheLayoutUses() {
        let (saliency, elements) = measure()
        // Free space: the right half (5 000 px). The copy covers 2 500 of it; the card and
        // the sticker lie on the product, which is not free.
        #expect(abs(ContentAwareMetrics.utility(saliency: saliency, elements: elements) - 0.5) < 1e-12)
    }

    @Test func occlusionIsTheSaliencyUnderElementsPaintedAboveTheProduct() {
        let (saliency, elements) = measure()
        // Above the product: copy (2 500 px, saliency 0) and sticker (625 px, saliency 1).
        // The card lies under the product and does not hide it.
        let occlusion = ContentAwareMetrics.occlusion(saliency: saliency, elements: elements, productPaintOrder: 1)
        #expect(abs(occlusion - 625.0 / 3125) < 1e-12)
        #expect(ContentAwareMetrics.occlusion(saliency: saliency, elements: elements, productPaintOrder: nil) == 0)
    }
}
