import Foundation
import Testing
@testable import BanneretKit

@Suite struct BrandGuideLoaderTests {
    @Test func loadsTheExamplesBrand() throws {
        let brand = try BrandGuideLoader.load(Fixtures.examples.appendingPathComponent("brand.yaml"))
        #expect(brand.name == "hanbit")
        #expect(brand.callToAction(language: "ko-KR") == "지금 구매하기")
        #expect(brand.callToAction(language: "fr") == "Shop now")
        // The palette's text roles meet WCAG AA on the colours they are drawn on.
        #expect(brand.palette.text.contrastRatio(with: brand.palette.background) >= 4.5)
        #expect(brand.palette.textOnPrimary.contrastRatio(with: brand.palette.primary) >= 4.5)
        #expect(brand.palette.textOnAccent.contrastRatio(with: brand.palette.accent) >= 4.5)
    }

    @Test func badColourNamesTheField() throws {
        let folder = Fixtures.temporaryDirectory()
        let url = folder.appendingPathComponent("brand.yaml")
        let text = try String(contentsOf: Fixtures.examples.appendingPathComponent("brand.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "accent: \"#C2410C\"", with: "accent: \"orange\"")
        try text.write(to: url, atomically: true, encoding: .utf8)
        do {
            _ = try BrandGuideLoader.load(url)
            Issue.record("expected an error")
        } catch let error as BanneretError {
            #expect(error.code == .brandInvalid)
            #expect(error.location?.field == "palette.accent")
            #expect(error.message.contains("#RRGGBB"))
        }
    }
}
