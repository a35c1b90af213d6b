import Testing
@testable import BanneretKit

/// What each variant axis changes in a real render of the Examples.
@Suite struct VariantRenderingTests {
    let size = BannerSize(width: 300, height: 250)

    func render(_ id: String, _ variant: Variant) throws -> (RenderedBanner, BannerSpec) {
        let (product, imagePath) = ExampleProducts.named(id)
        return try RenderWorker(engine: Fixtures.engine).render(product: product, size: size, imagePath: imagePath,
                                                               template: Fixtures.template, variant: variant)
    }

    func element(_ id: String, in spec: BannerSpec) -> BannerSpec.Element? { spec.elements.first { $0.id == id } }

    @Test func mirroredLayoutFlipsFramesButNotLatinAlignment() throws {
        let (_, standard) = try render("HB-1001", .standard)
        let (_, mirrored) = try render("HB-1001", Variant(layout: .mirrored))
        let a = try #require(element("product", in: standard)?.frame), b = try #require(element("product", in: mirrored)?.frame)
        #expect(abs(b.x - (Double(size.width) - a.maxX)) < 0.01 && b.y == a.y && b.width == a.width)
        guard case .text(let before)? = element("headline", in: standard), case .text(let after)? = element("headline", in: mirrored) else {
            Issue.record("no headline"); return
        }
        #expect(before.style.alignment == after.style.alignment, "left-to-right text stays ragged-right")
    }

    @Test func primarySchemePaintsThePrimaryAndKeepsTextReadable() throws {
        let brand = Fixtures.engine.brand
        let (rendered, spec) = try render("HB-1001", Variant(colorScheme: .primary))
        #expect(spec.background == .solid(brand.palette.primary))
        // Each text against what it is drawn on: the topmost solid shape under it, else the canvas.
        for case .text(let text) in spec.elements {
            var under = brand.palette.primary
            for case .shape(let shape) in spec.elements where shape.frame.contains(text.frame) {
                if case .solid(let fill) = shape.fill, fill.alpha == 1 { under = fill }
            }
            #expect(text.style.color.contrastRatio(with: under) >= 4.5, "\(text.id) on \(under.hex)")
        }
        guard case .image(let logo)? = element("logo", in: spec) else { Issue.record("no logo"); return }
        #expect(logo.source.hasSuffix("logo-light.png"), "the logo for dark backgrounds")
        #expect(rendered.pixels.color(x: 2, y: 245).hex == brand.palette.primary.hex)
    }

    @Test func copyAndCTAVariantsChangeTheWords() throws {
        let (_, spec) = try render("HB-1001", Variant(copy: .benefit, ctaIndex: 1))
        guard case .text(let headline)? = element("headline", in: spec), case .text(let cta)? = element("cta_label", in: spec) else {
            Issue.record("missing text"); return
        }
        #expect(headline.text == VariantCopy.headline(.benefit, product: ExampleProducts.named("HB-1001").product))
        #expect(cta.text == Fixtures.engine.brand.allowedCTAs(language: "en")[1])
    }
}
