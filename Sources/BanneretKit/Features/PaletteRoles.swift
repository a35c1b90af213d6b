/// Which brand colour roles a concrete colour is. A spec carries colours, not
/// roles (the template resolved them), so rules written in roles — forbidden
/// pairs — are checked by matching colours back to the palette.
struct PaletteRoles: Sendable {
    /// Role names as the brand guide writes them (`text_on_primary`, …).
    let roles: [(name: String, color: Color)]

    /// Two colours are the same role when no channel differs by more than
    /// this (of 1), a little over one 8-bit level: resolved colours pass
    /// through `#RRGGBB` and arithmetic, never through anything lossier.
    static let tolerance = 1.5 / 255

    init(_ palette: BrandGuide.Palette) {
        roles = [("primary", palette.primary), ("secondary", palette.secondary), ("accent", palette.accent),
                 ("background", palette.background), ("text", palette.text),
                 ("text_on_primary", palette.textOnPrimary), ("text_on_accent", palette.textOnAccent),
                 ("text_on_secondary", palette.textOnSecondary)]
    }

    /// Every role whose colour `color` is; empty for tints, mixes (`muted`)
    /// and colours from outside the palette.
    func roles(of color: Color) -> [String] {
        roles.filter { role in
            abs(role.color.red - color.red) <= Self.tolerance && abs(role.color.green - color.green) <= Self.tolerance
                && abs(role.color.blue - color.blue) <= Self.tolerance
        }.map(\.name)
    }
}
