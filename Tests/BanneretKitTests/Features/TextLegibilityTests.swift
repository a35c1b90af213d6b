import Testing
@testable import BanneretKit

@Suite struct TextLegibilityTests {
    static let brand = Fixtures.engine.brand

    func style(_ color: Color, size: Double = 16, weight: Int = 400) -> TextStyle {
        TextStyle(font: FontRole(family: "Inter", weight: weight), minimumSize: size, maximumSize: size, color: color)
    }

    /// Draws `elements` on `background` with the real renderer and measures the text `id`.
    func measureRendered(_ id: String, background: Color, elements: [BannerSpec.Element],
                         size: BannerSize = BannerSize(width: 240, height: 60)) throws -> TextLegibility {
        let spec = BannerSpec(size: size, background: .solid(background), elements: elements)
        let rendered = try BannerRenderer(fonts: Fixtures.fonts, images: ImageCache()).render(spec)
        let index = try #require(spec.elements.firstIndex { $0.id == id })
        let fitted = try #require(rendered.texts.first { $0.id == id }?.fitted)
        return try #require(TextLegibility.measure(elementAt: index, of: spec, fontSize: fitted.fontSize,
                                                   pixels: StraightPixels(rendered.pixels), brand: Self.brand))
    }

    func copy(_ color: Color, size: Double = 16) -> BannerSpec.Element {
        .text(TextElement(id: "copy", frame: Rect(x: 10, y: 10, width: 220, height: 40), text: "Hamburgefonstiv 0123",
                          style: style(color, size: size)))
    }

    @Test func darkTextOnWhiteMeetsTheWCAGValue() throws {
        let ink = try #require(Color(hex: "#1C1C1C"))
        let result = try measureRendered("copy", background: .white, elements: [copy(ink)])
        #expect(abs(result.contrast - 17.04) < 0.01)
        #expect(result.passes)
        #expect(result.backgroundSamples > 0)
    }

    @Test func darkTextOnMidGreyFailsBodyTextContrast() throws {
        let ink = try #require(Color(hex: "#1C1C1C")), grey = try #require(Color(hex: "#767676"))
        let result = try measureRendered("copy", background: grey, elements: [copy(ink)])
        #expect(abs(result.contrast - 3.75) < 0.01)
        #expect(abs(result.contrast - ink.contrastRatio(with: grey)) < 0.005)
        #expect(!result.isLargeText && result.requiredContrast == 4.5)
        #expect(!result.passes)
    }

    @Test func theBackgroundIsTheShapeUnderTheTextNotTheCanvas() throws {
        // White label on the brand's teal pill, and on an orange disc: the canvas colour never counts.
        let palette = Self.brand.palette
        let pill = BannerSpec.Element.shape(ShapeElement(id: "cta", frame: Rect(x: 10, y: 10, width: 140, height: 40),
                                                         kind: .pill, fill: .solid(palette.primary)))
        let label = BannerSpec.Element.text(TextElement(id: "label", frame: Rect(x: 40, y: 18, width: 80, height: 24),
                                                        text: "Shop now", style: style(.white, weight: 700)))
        let onPill = try measureRendered("label", background: palette.background, elements: [pill, label])
        #expect(abs(onPill.contrast - 9.51) < 0.01)
        let disc = BannerSpec.Element.shape(ShapeElement(id: "badge", frame: Rect(x: 10, y: 10, width: 80, height: 80),
                                                         kind: .ellipse, fill: .solid(palette.accent)))
        let discount = BannerSpec.Element.text(TextElement(id: "discount", frame: Rect(x: 23, y: 40, width: 54, height: 20),
                                                           text: "−25%", style: style(.white, size: 14, weight: 700)))
        let onDisc = try measureRendered("discount", background: palette.background, elements: [disc, discount],
                                         size: BannerSize(width: 100, height: 100))
        #expect(abs(onDisc.contrast - 5.18) < 0.01)
    }

    @Test func textInTheBackgroundColourHasNoContrast() throws {
        let background = Self.brand.palette.background
        let result = try measureRendered("copy", background: background, elements: [copy(background)])
        #expect(result.contrast < 1.01)
        #expect(!result.passes)
    }

    @Test func overAPictureGlyphBlendsAreNotMistakenForBackground() throws {
        // A picture of flat #777777 under black "glyphs": 3 px strokes with 50 % blends either side.
        let buffer = paintedBuffer(width: 100, height: 40, try #require(Color(hex: "#777777")))
        for x in stride(from: 10, to: 90, by: 10) {
            paint(buffer, x: x - 1, y: 8, width: 5, height: 24, try #require(Color(hex: "#3C3C3C")))
            paint(buffer, x: x, y: 8, width: 3, height: 24, .black)
        }
        let spec = BannerSpec(size: BannerSize(width: 100, height: 40), background: .solid(.white), elements: [
            .image(ImageElement(id: "photo", frame: Rect(x: 0, y: 0, width: 100, height: 40), source: "photo.jpg", fit: .cover)),
            .text(TextElement(id: "copy", frame: Rect(x: 5, y: 5, width: 90, height: 30), text: "IIIIIIII", style: style(.black))),
        ])
        let result = try #require(TextLegibility.measure(elementAt: 1, of: spec, fontSize: 16,
                                                         pixels: StraightPixels(buffer), brand: Self.brand))
        #expect(abs(result.contrast - 4.69) < 0.01)
    }

    @Test func largeTextIsTwentyFourPixelsOrEighteenPointSixSixBold() throws {
        let pixels = StraightPixels(paintedBuffer(width: 100, height: 40, .white))
        func legibility(size: Double, weight: Int) throws -> TextLegibility {
            let spec = BannerSpec(size: BannerSize(width: 100, height: 40), background: .solid(.white), elements: [
                .text(TextElement(id: "t", frame: Rect(x: 0, y: 0, width: 100, height: 40), text: "T",
                                  style: style(.black, size: size, weight: weight))),
            ])
            return try #require(TextLegibility.measure(elementAt: 0, of: spec, fontSize: size, pixels: pixels, brand: Self.brand))
        }
        #expect(try legibility(size: 24, weight: 400).requiredContrast == Self.brand.minimumLargeTextContrast)
        #expect(try legibility(size: 19, weight: 700).requiredContrast == Self.brand.minimumLargeTextContrast)
        #expect(try legibility(size: 19, weight: 400).requiredContrast == Self.brand.minimumContrast)
        #expect(try legibility(size: 18, weight: 800).requiredContrast == Self.brand.minimumContrast)
    }

    @Test func aFrameOffTheCanvasIsNotMeasured() {
        let spec = BannerSpec(size: BannerSize(width: 50, height: 50), background: .solid(.white), elements: [
            .text(TextElement(id: "t", frame: Rect(x: 60, y: 0, width: 20, height: 20), text: "T", style: style(.black))),
        ])
        #expect(TextLegibility.measure(elementAt: 0, of: spec, fontSize: 16,
                                       pixels: StraightPixels(paintedBuffer(width: 50, height: 50, .white)),
                                       brand: Self.brand) == nil)
    }
}
