/// Brand colour roles to concrete colours for one banner.
enum ColorResolver {
    /// - Parameter forText: text in the accent colour (a sale price) would not read on a
    ///   primary canvas, so there it takes the canvas's text colour.
    static func color(_ spec: ColorSpec, input: LayoutInput, forText: Bool = false) -> Color {
        let palette = input.brand.palette
        let onSale = input.product.discountPercent != nil
        var role = Self.role(onSale ? (spec.saleRole ?? spec.role) : spec.role, scheme: input.variant.colorScheme)
        if forText, role == "accent", input.variant.colorScheme == .primary { role = "text_on_primary" }
        var color: Color = switch role {
        case "primary": palette.primary
        case "secondary": palette.secondary
        case "accent": palette.accent
        case "background": palette.background
        case "text_on_primary": palette.textOnPrimary
        case "text_on_accent": palette.textOnAccent
        case "text_on_secondary": palette.textOnSecondary
        // Secondary text: the text colour softened toward the background.
        case "muted": palette.text.mixed(with: palette.background, amount: 0.3)
        case "white": .white
        case "black": .black
        default: palette.text
        }
        if spec.tint > 0 { color = color.mixed(with: .white, amount: spec.tint) }
        if spec.shade > 0 { color = color.mixed(with: .black, amount: spec.shade) }
        if spec.alpha < 1 { color = color.withAlpha(spec.alpha) }
        return color
    }

    /// A colour scheme swaps the canvas role and the text roles that sit on it;
    /// on a primary canvas the primary buttons turn light so they still stand out.
    static func role(_ role: String, scheme: Variant.ColorScheme) -> String {
        switch (scheme, role) {
        case (.light, _): role
        case (.primary, "background"): "primary"
        case (.primary, "text"), (.primary, "muted"): "text_on_primary"
        case (.primary, "primary"): "background"
        case (.primary, "text_on_primary"): "primary"
        case (.secondary, "background"): "secondary"
        case (.secondary, "text"), (.secondary, "muted"): "text_on_secondary"
        default: role
        }
    }

    static func fill(_ spec: FillSpec, input: LayoutInput) -> Fill {
        switch spec {
        case .solid(let c): .solid(color(c, input: input))
        case .gradient(let a, let b, let angle): .linearGradient(from: color(a, input: input), to: color(b, input: input), angle: angle)
        }
    }

    /// The logo variant that reads on `surface`, the colour the logo is drawn on.
    static func logo(input: LayoutInput, on surface: Color) -> String {
        let light = surface.relativeLuminance > 0.4
        return (light ? input.logoForLightBackground : input.logoForDarkBackground) ?? input.logoForLightBackground ?? ""
    }

    /// What a frame sits on: the last opaque-enough shape painted so far that
    /// holds the whole frame (a chip, a panel, a card), else the canvas.
    static func surface(under frame: Rect, painted elements: [BannerSpec.Element], canvas: Color) -> Color {
        for case .shape(let shape) in elements.reversed() where shape.frame.contains(frame, tolerance: 0.5) {
            switch shape.fill {
            case .solid(let color) where color.alpha >= 0.5: return color
            case .linearGradient(let from, let to, _) where from.alpha >= 0.5 && to.alpha >= 0.5: return from.mixed(with: to, amount: 0.5)
            default: continue
            }
        }
        return canvas
    }
}
