import Testing
@testable import BanneretKit

@Suite struct PaletteRolesTests {
    @Test func aColourIsEveryRoleThatSharesIt() throws {
        let roles = PaletteRoles(Fixtures.engine.brand.palette)
        #expect(Set(roles.roles(of: .white)) == ["text_on_primary", "text_on_accent"])
        #expect(roles.roles(of: try #require(Color(hex: "#C2410C"))) == ["accent"])
    }

    @Test func tintsAndMixesAreNoRole() throws {
        let palette = Fixtures.engine.brand.palette
        let roles = PaletteRoles(palette)
        #expect(roles.roles(of: palette.primary.mixed(with: .white, amount: 0.5)).isEmpty)
        #expect(roles.roles(of: palette.text.mixed(with: palette.background, amount: 0.3)).isEmpty)
        // One level off is still the role: colours pass through #RRGGBB.
        let nearlyAccent = Color(red: palette.accent.red + 1.0 / 255, green: palette.accent.green, blue: palette.accent.blue)
        #expect(roles.roles(of: nearlyAccent) == ["accent"])
    }
}
