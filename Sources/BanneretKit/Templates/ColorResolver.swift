/// Brand colour roles to concrete colours for one banner.
enum ColorResolver {
    static func color(_ spec: ColorSpec, input: LayoutInput) -> Color {
        let palette = input.brand.palette
        let onSale = input.product.discountPercent != nil
        let role = onSale ? (spec.saleRole ?? spec.role) : spec.role
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

    static func fill(_ spec: FillSpec, input: LayoutInput) -> Fill {
        switch spec {
        case .solid(let c): .solid(color(c, input: input))
        case .gradient(let a, let b, let angle): .linearGradient(from: color(a, input: input), to: color(b, input: input), angle: angle)
        }
    }

    /// The logo variant that reads on the brand background.
    static func logo(input: LayoutInput) -> String {
        let light = input.brand.palette.background.relativeLuminance > 0.4
        return (light ? input.logoForLightBackground : input.logoForDarkBackground) ?? input.logoForLightBackground ?? ""
    }
}
