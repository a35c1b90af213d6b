import Testing
@testable import BanneretKit

@Suite struct ColorTests {
    @Test func parsesShortLongAndAlphaHex() throws {
        #expect(Color(hex: "#fff") == .white)
        #expect(Color(hex: "#0F4C5C")?.hex == "#0F4C5C")
        #expect(try #require(Color(hex: "#00000080")).alpha == 128.0 / 255)
        #expect(Color(hex: "0F4C5C") == nil)
        #expect(Color(hex: "#12345") == nil)
        #expect(Color(hex: "#GGGGGG") == nil)
    }

    @Test func contrastMatchesWCAGReferenceValues() throws {
        #expect(abs(Color.white.contrastRatio(with: .black) - 21) < 1e-9)
        #expect(abs(Color.white.contrastRatio(with: .white) - 1) < 1e-9)
        // #767676 on white is the classic just-passing AA grey: 4.54:1.
        let grey = try #require(Color(hex: "#767676"))
        #expect(abs(grey.contrastRatio(with: .white) - 4.54) < 0.01)
    }
}
