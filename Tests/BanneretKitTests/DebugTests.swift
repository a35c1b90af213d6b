import Testing
@testable import BanneretKit

@Test func debugFit() throws {
    let renderer = BannerRenderer(fonts: Fixtures.fonts, images: ImageCache())
    for (family, weight) in [("NanumSquare", 400), ("NanumSquare", 700), ("Inter", 800), ("Inter", 700), ("Inter", 400)] {
        let style = TextStyle(font: FontRole(family: family, weight: weight), minimumSize: 40, maximumSize: 40, color: .black)
        let spec = BannerSpec(size: BannerSize(width: 300, height: 60), background: .solid(.white),
                              elements: [.text(TextElement(id: "t", frame: Rect(x: 0, y: 0, width: 300, height: 60), text: "데일리 캔버스", style: style))])
        let r = try renderer.render(spec)
        var ink = 0.0
        for y in 0..<60 { for x in 0..<300 { ink += 1 - r.pixels.color(x: x, y: y).red } }
        print("INK", family, weight, Int(ink))
    }
}
