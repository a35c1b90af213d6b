import Testing
@testable import BanneretKit

@Suite struct BrandComplianceTests {
    static let brand: BrandGuide = {
        var brand = Fixtures.engine.brand
        brand.forbiddenPairs = [["accent", "background"], ["text_on_accent", "primary"]]
        return brand
    }()

    func text(_ id: String, _ frame: Rect, _ color: Color) -> BannerSpec.Element {
        .text(TextElement(id: id, frame: frame, text: id,
                          style: TextStyle(font: FontRole(family: "Inter"), minimumSize: 12, maximumSize: 12, color: color)))
    }

    func logo(_ frame: Rect) -> BannerSpec.Element {
        .image(ImageElement(id: "logo", frame: frame, source: "logo.png", fit: .contain))
    }

    func check(_ elements: [BannerSpec.Element], brand: BrandGuide = brand) -> BrandCompliance {
        let spec = BannerSpec(size: BannerSize(width: 300, height: 250), background: .solid(brand.palette.background),
                              elements: elements)
        return BrandCompliance.check(spec: spec, brand: brand, legibility: [])
    }

    @Test func anElementInsideTheLogosClearSpaceIsReported() throws {
        // Logo 20 px high, clear space 0.5 × 20 = 10 px: its zone ends at x = 60; the headline starts at 55.
        let logoFrame = Rect(x: 10, y: 10, width: 40, height: 20)
        let ink = Self.brand.palette.text
        let crowded = check([logo(logoFrame), text("headline", Rect(x: 55, y: 10, width: 100, height: 20), ink)])
        #expect(crowded.logoClearSpaceViolated)
        #expect(crowded.reasons.contains { $0.contains("'headline'") && $0.contains("clear space") })
        let clear = check([logo(logoFrame), text("headline", Rect(x: 61, y: 10, width: 100, height: 20), ink)])
        #expect(!clear.logoClearSpaceViolated)
        #expect(clear.reasons.isEmpty)
    }

    @Test func theSurfaceUnderTheLogoIsNoIntrusionButAShapeOverItIs() {
        let card = BannerSpec.Element.shape(ShapeElement(id: "card", frame: Rect(x: 0, y: 0, width: 300, height: 250),
                                                         kind: .rectangle, fill: .solid(.white)))
        let logoElement = logo(Rect(x: 20, y: 20, width: 40, height: 20))
        #expect(!check([card, logoElement]).logoClearSpaceViolated)
        #expect(check([logoElement, card]).logoClearSpaceViolated)
    }

    @Test func aLogoBelowTheMinimumHeightIsReported() {
        #expect(check([logo(Rect(x: 20, y: 20, width: 40, height: 10))]).logoTooSmall)
        #expect(!check([logo(Rect(x: 20, y: 20, width: 40, height: 12))]).logoTooSmall)
    }

    @Test func forbiddenColourPairsAreFoundByPaletteRole() {
        let palette = Self.brand.palette
        let onBackground = check([text("price", Rect(x: 10, y: 10, width: 80, height: 20), palette.accent)])
        #expect(onBackground.forbiddenPairUsed)
        #expect(onBackground.reasons.contains { $0.contains("'price'") && $0.contains("accent") })
        #expect(!check([text("price", Rect(x: 10, y: 10, width: 80, height: 20), palette.text)]).forbiddenPairUsed)
    }

    @Test func aColourSharedByRolesGetsTheBenefitOfTheDoubt() {
        // White is text_on_primary as well as text_on_accent; only the latter is forbidden on primary.
        let palette = Self.brand.palette
        let pill = BannerSpec.Element.shape(ShapeElement(id: "cta", frame: Rect(x: 10, y: 10, width: 120, height: 40),
                                                         kind: .pill, fill: .solid(palette.primary)))
        let label = text("cta_label", Rect(x: 30, y: 20, width: 80, height: 20), .white)
        #expect(!check([pill, label]).forbiddenPairUsed)
        var stricter = Self.brand
        stricter.forbiddenPairs.append(["text_on_primary", "primary"])
        #expect(check([pill, label], brand: stricter).forbiddenPairUsed)
    }

    @Test func failingContrastIsReportedWithItsNumbers() {
        let spec = BannerSpec(size: BannerSize(width: 300, height: 250), background: .solid(.white), elements: [])
        let weak = TextLegibility(id: "old_price", contrast: 3.2, requiredContrast: 4.5, fontSize: 11, isLargeText: false,
                                  backgroundSamples: 100)
        let strong = TextLegibility(id: "headline", contrast: 12, requiredContrast: 3, fontSize: 30, isLargeText: true,
                                    backgroundSamples: 100)
        let result = BrandCompliance.check(spec: spec, brand: Self.brand, legibility: [weak, strong])
        #expect(result.textContrastViolated)
        #expect(result.reasons == ["text 'old_price' has a contrast of 3.2:1 with its background, below the brand's 4.5:1 for body text (11 px)"])
    }
}
