import Foundation
import Testing
@testable import BanneretKit

@Suite struct BrandGuideLoaderTests {
    let examples = Fixtures.examples.appendingPathComponent("brand.yaml")

    @Test func loadsTheExamplesBrand() throws {
        let brand = try BrandGuideLoader.load(examples, fontFamilies: Set(FontSet.fallbackFamilies))
        #expect(brand.name == "hanbit")
        #expect(brand.callToAction(language: "ko-KR") == "지금 구매하기")
        #expect(brand.callToAction(language: "fr") == "Shop now")
        #expect(brand.logo?.minimumHeight == 12)
        // The palette's text roles meet WCAG AA on the colours they are drawn on.
        #expect(brand.palette.text.contrastRatio(with: brand.palette.background) >= 4.5)
        #expect(brand.palette.textOnPrimary.contrastRatio(with: brand.palette.primary) >= 4.5)
        #expect(brand.palette.textOnAccent.contrastRatio(with: brand.palette.accent) >= 4.5)
    }

    /// Writes the Examples brand with one edit beside its logos, loads it, and returns the error.
    func error(replacing old: String, with new: String) throws -> BanneretError? {
        do {
            _ = try brand(replacing: old, with: new)
            return nil
        } catch let error as BanneretError {
            return error
        }
    }

    /// Loads the Examples brand with one edit; fails the test on an error.
    func brand(replacing old: String, with new: String) throws -> BrandGuide {
        let folder = Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(at: Fixtures.examples.appendingPathComponent("brand"),
                                         to: folder.appendingPathComponent("brand"))
        let text = try String(contentsOf: examples, encoding: .utf8)
        #expect(text.contains(old), "the edit must apply")
        let url = folder.appendingPathComponent("brand.yaml")
        try text.replacingOccurrences(of: old, with: new).write(to: url, atomically: true, encoding: .utf8)
        return try BrandGuideLoader.load(url, fontFamilies: Set(FontSet.fallbackFamilies))
    }

    @Test func copyRulesContrastLevelsAndCase() throws {
        let edited = try brand(replacing: "minimum_contrast: 4.5", with: """
        minimum_contrast: { body: 7, large: 4.5 }
        copy:
          max_headline_characters: 40
          cta: { en: [Shop now, Discover], ko: 지금 보기 }
        """)
        #expect(edited.minimumContrast == 7 && edited.minimumLargeTextContrast == 4.5)
        #expect(edited.maximumHeadlineCharacters == 40)
        #expect(edited.allowedCTAs["en"] == ["Shop now", "Discover"] && edited.callToAction(language: "en-GB") == "Shop now")
        #expect(edited.callToAction(language: "ko") == "지금 보기")
        let defaults = try brand(replacing: "minimum_contrast: 4.5\n", with: "")
        #expect(defaults.minimumContrast == 4.5 && defaults.minimumLargeTextContrast == 3, "WCAG AA by default")
        let upper = try brand(replacing: "body: { family: Inter, weight: 400 }", with: "body: { family: Inter, weight: 400, case: upper }")
        #expect(upper.typography.body.uppercase)
        #expect(upper.palette.textOnSecondary == upper.palette.text, "text on secondary defaults to the text colour")
        let caseError = try #require(try error(replacing: "body: { family: Inter, weight: 400 }",
                                               with: "body: { family: Inter, weight: 400, case: uper }"))
        #expect(caseError.message.contains("did you mean 'upper'") && caseError.location?.line != nil)
        let emptyCTA = try #require(try error(replacing: "  en: [Shop now, Discover]", with: "  en: []"))
        #expect(emptyCTA.message.contains("cta.en"))
    }

    @Test func logosCannotLeadOutOfTheGuidesFolder() throws {
        for escape in ["../../etc/hostname", "brand/../../../etc/hostname"] {
            let refused = try #require(try error(replacing: "light: brand/logo-light.png", with: "light: \(escape)"), "\(escape)")
            #expect(refused.code == .pathOutsideRoot, "\(escape)")
            #expect(refused.message.contains("--allow-path"), "\(refused.message)")
        }
    }

    @Test func badColourNamesItsLineAndColumn() throws {
        let error = try #require(try error(replacing: "accent: \"#C2410C\"", with: "accent: \"orange\""))
        #expect(error.code == .brandInvalid)
        #expect(error.location?.line == 7 && error.location?.column == 11, "\(error)")
        #expect(error.message.contains("#RRGGBB"))
    }

    @Test func unknownKeySuggestsTheClosest() throws {
        let error = try #require(try error(replacing: "margin: 0.07", with: "margni: 0.07"))
        #expect(error.code == .brandInvalid && error.message.contains("did you mean 'margin'"), "\(error)")
        #expect(error.location?.line != nil)
    }

    @Test func missingLogoFileAndUnbundledFont() throws {
        let logo = try #require(try error(replacing: "dark: brand/logo-dark.png", with: "dark: brand/nope.png"))
        #expect(logo.code == .brandMissing && logo.message.contains("brand/nope.png") && logo.location?.line != nil)
        let font = try #require(try error(replacing: "body: { family: Inter", with: "body: { family: Helvetica"))
        #expect(font.code == .fontMissing && font.message.contains("Helvetica") && font.location?.line != nil, "\(font)")
    }

    @Test func forbiddenPairsUseKnownRoles() throws {
        let error = try #require(try error(replacing: "margin: 0.07", with: "margin: 0.07\nforbidden_pairs: [[accent, primray]]"))
        #expect(error.message.contains("did you mean 'primary'"), "\(error)")
    }

    @Test func headlineLengthRuleCutsAtAWord() throws {
        var brand = try BrandGuideLoader.load(examples)
        brand.maximumHeadlineCharacters = 20
        let input = LayoutInput(product: Product(id: "p", title: "Aurora Wireless Headphones with Noise Cancelling"),
                                brand: brand, size: BannerSize(width: 300, height: 250), imagePath: nil, imageIsOpaque: false,
                                imageAspectRatio: 1, logoForLightBackground: nil, logoForDarkBackground: nil, logoAspectRatio: 1)
        #expect(TextBindingResolver.text(for: .title, input: input) == "Aurora Wireless…")
    }
}
