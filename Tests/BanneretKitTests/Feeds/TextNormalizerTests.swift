import Testing
@testable import BanneretKit

@Suite struct TextNormalizerTests {
    @Test func removesInvisiblesCollapsesSpaceAndComposes() {
        #expect(TextNormalizer.clean("  a\u{200B}b \u{200F}\t\n c  ") == "ab c")
        #expect(TextNormalizer.clean("Cafe\u{0301}") == "Café")
        #expect(TextNormalizer.clean("Cafe\u{0301}").unicodeScalars.count == 4, "NFC: one scalar for é")
        #expect(TextNormalizer.clean("👩\u{200D}💻 dev") == "👩\u{200D}💻 dev", "ZWJ inside emoji is kept")
    }
}
