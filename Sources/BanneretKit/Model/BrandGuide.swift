/// A brand's rules: colours by role, type by role, logo, copy and spacing.
/// Loaded from YAML by ``BrandGuideLoader``.
public struct BrandGuide: Sendable, Hashable, Codable {
    public var name: String
    public var palette: Palette
    public var typography: Typography
    public var logo: Logo?
    /// Call-to-action copy per language (`en`, `ko`, `ar`); `en` is the fallback.
    /// The first of ``allowedCTAs`` for each language.
    public var cta: [String: String]
    /// Every CTA text the brand allows per language, the default first; variants choose among them.
    public var allowedCTAs: [String: [String]] = [:]
    /// Outer margin as a fraction of the banner's shorter side.
    public var margin: Double
    /// Corner radius of buttons and cards, as a fraction of the shorter side.
    public var cornerRadius: Double
    /// Minimum WCAG contrast for body text (default 4.5:1, AA).
    public var minimumContrast: Double
    /// Minimum WCAG contrast for large text: 24 px and up, or 18.66 px bold (default 3:1, AA).
    public var minimumLargeTextContrast: Double = 3
    /// Colour roles that must never meet (text of one on a fill of the other).
    public var forbiddenPairs: [[String]] = []
    /// Longest headline the brand allows, in characters; longer titles are cut at a word.
    public var maximumHeadlineCharacters: Int?
    /// Other font pairings the brand allows (`typography.alternates`), each complete:
    /// roles an alternate leaves out are the main pairing's. Variants choose among them.
    public var alternateTypography: [Typography] = []

    /// The main pairing (0) or an alternate (1…).
    public func typography(pairing: Int) -> Typography {
        alternateTypography.indices.contains(pairing - 1) ? alternateTypography[pairing - 1] : typography
    }

    public init(name: String, palette: Palette, typography: Typography, logo: Logo? = nil,
                cta: [String: String] = ["en": "Shop now"], margin: Double = 0.07,
                cornerRadius: Double = 0.04, minimumContrast: Double = 4.5) {
        self.name = name
        self.palette = palette
        self.typography = typography
        self.logo = logo
        self.cta = cta
        self.margin = margin
        self.cornerRadius = cornerRadius
        self.minimumContrast = minimumContrast
    }

    public struct Palette: Sendable, Hashable, Codable {
        public var primary: Color
        public var secondary: Color
        public var accent: Color
        public var background: Color
        public var text: Color
        public var textOnPrimary: Color
        public var textOnAccent: Color
        /// Text drawn on a secondary fill; defaults to ``text``.
        public var textOnSecondary: Color

        public init(primary: Color, secondary: Color, accent: Color, background: Color,
                    text: Color, textOnPrimary: Color, textOnAccent: Color, textOnSecondary: Color? = nil) {
            self.textOnSecondary = textOnSecondary ?? text
            self.primary = primary
            self.secondary = secondary
            self.accent = accent
            self.background = background
            self.text = text
            self.textOnPrimary = textOnPrimary
            self.textOnAccent = textOnAccent
        }

        enum CodingKeys: String, CodingKey {
            case primary, secondary, accent, background, text
            case textOnPrimary = "text_on_primary"
            case textOnAccent = "text_on_accent"
            case textOnSecondary = "text_on_secondary"
        }

        public init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            self.init(primary: try c.decode(Color.self, forKey: .primary), secondary: try c.decode(Color.self, forKey: .secondary),
                      accent: try c.decode(Color.self, forKey: .accent), background: try c.decode(Color.self, forKey: .background),
                      text: try c.decode(Color.self, forKey: .text), textOnPrimary: try c.decode(Color.self, forKey: .textOnPrimary),
                      textOnAccent: try c.decode(Color.self, forKey: .textOnAccent),
                      textOnSecondary: try c.decodeIfPresent(Color.self, forKey: .textOnSecondary))
        }
    }

    public struct Typography: Sendable, Hashable, Codable {
        public var display: FontRole
        public var body: FontRole
        public var price: FontRole

        public init(display: FontRole, body: FontRole, price: FontRole) {
            self.display = display
            self.body = body
            self.price = price
        }
    }

    public struct Logo: Sendable, Hashable, Codable {
        /// For dark backgrounds.
        public var light: String
        /// For light backgrounds.
        public var dark: String
        /// Smallest logo height in pixels the brand allows.
        public var minimumHeight: Double
        /// Empty space around the logo, as a fraction of its height.
        public var clearSpace: Double

        public init(light: String, dark: String, minimumHeight: Double = 12, clearSpace: Double = 0.5) {
            self.light = light
            self.dark = dark
            self.minimumHeight = minimumHeight
            self.clearSpace = clearSpace
        }

        enum CodingKeys: String, CodingKey {
            case light, dark
            case minimumHeight = "minimum_height"
            case clearSpace = "clear_space"
        }
    }

    enum CodingKeys: String, CodingKey {
        case name, palette, typography, logo, cta, margin
        case cornerRadius = "corner_radius"
        case minimumContrast = "minimum_contrast"
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        name = try c.decode(String.self, forKey: .name)
        palette = try c.decode(Palette.self, forKey: .palette)
        typography = try c.decode(Typography.self, forKey: .typography)
        logo = try c.decodeIfPresent(Logo.self, forKey: .logo)
        cta = try c.decodeIfPresent([String: String].self, forKey: .cta) ?? ["en": "Shop now"]
        margin = try c.decodeIfPresent(Double.self, forKey: .margin) ?? 0.07
        cornerRadius = try c.decodeIfPresent(Double.self, forKey: .cornerRadius) ?? 0.04
        minimumContrast = try c.decodeIfPresent(Double.self, forKey: .minimumContrast) ?? 4.5
    }

    /// Every CTA text allowed for a language tag (same fallback as ``callToAction(language:)``).
    public func allowedCTAs(language: String) -> [String] {
        let lower = language.lowercased()
        let base = lower.split(separator: "-").first.map(String.init) ?? lower
        return allowedCTAs[lower] ?? allowedCTAs[base] ?? allowedCTAs["en"] ?? [callToAction(language: language)]
    }

    /// CTA copy for a language tag, falling back from `ko-KR` to `ko` to `en`.
    public func callToAction(language: String) -> String {
        let lower = language.lowercased()
        if let exact = cta[lower] { return exact }
        if let base = lower.split(separator: "-").first, let text = cta[String(base)] { return text }
        return cta["en"] ?? "Shop now"
    }
}

/// A typographic role: which bundled family, weight and tracking.
public struct FontRole: Sendable, Hashable, Codable {
    public var family: String
    /// CSS-style weight, 100...900.
    public var weight: Int
    /// Letter spacing in em.
    public var tracking: Double
    /// Set in capitals (`case: upper` in the brand guide).
    public var uppercase: Bool

    public init(family: String, weight: Int = 400, tracking: Double = 0, uppercase: Bool = false) {
        self.family = family
        self.weight = weight
        self.tracking = tracking
        self.uppercase = uppercase
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        family = try c.decode(String.self, forKey: .family)
        weight = try c.decodeIfPresent(Int.self, forKey: .weight) ?? 400
        tracking = try c.decodeIfPresent(Double.self, forKey: .tracking) ?? 0
        uppercase = try c.decodeIfPresent(Bool.self, forKey: .uppercase) ?? false
    }
}
