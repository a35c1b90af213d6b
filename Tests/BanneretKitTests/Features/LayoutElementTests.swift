import Testing
@testable import BanneretKit

@Suite struct LayoutElementTests {
    @Test func elementsTakeThePapersClasses() {
        let style = TextStyle(font: FontRole(family: "Inter"), minimumSize: 9, maximumSize: 20, color: .black)
        var spec = BannerSpec(size: BannerSize(width: 100, height: 100), background: .solid(.white), elements: [
            .shape(ShapeElement(id: "card", frame: Rect(x: 0, y: 0, width: 50, height: 100), kind: .rectangle, fill: .solid(.black))),
            .image(ImageElement(id: "product", frame: Rect(x: 5, y: 5, width: 40, height: 40), source: "p.png", fit: .contain, showsProduct: true)),
            .image(ImageElement(id: "logo", frame: Rect(x: 60, y: 5, width: 30, height: 10), source: "l.png", fit: .contain)),
            .shape(ShapeElement(id: "cta", frame: Rect(x: 60, y: 80, width: 30, height: 10), kind: .pill, fill: .solid(.black))),
            .text(TextElement(id: "cta_label", frame: Rect(x: 62, y: 81, width: 26, height: 8), text: "Go", style: style)),
        ])
        spec.underlays = ["card"]
        let elements = LayoutElement.elements(of: spec)
        #expect(elements.map(\.role) == [.underlay, .product, .logo, .shape, .text])
        #expect(elements.map(\.paintOrder) == [0, 1, 2, 3, 4])
    }
}
