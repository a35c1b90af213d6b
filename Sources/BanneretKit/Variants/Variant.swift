/// One candidate design for a product at a size: a choice on every variant
/// axis. The default variant is what a template draws with no variation, so
/// a run without `--variants` renders exactly that.
public struct Variant: Sendable, Hashable, Codable {
    /// Which brand roles paint the canvas. Text roles follow the fill, so
    /// text stays on the colour the brand paired it with.
    public enum ColorScheme: String, Sendable, CaseIterable, Codable {
        /// The brand background, text in the text colour.
        case light
        /// The primary colour, text in `text_on_primary`; buttons turn light.
        case primary
        /// The secondary colour, text in `text_on_secondary`.
        case secondary
    }

    /// What the headline says.
    public enum Copy: String, Sendable, CaseIterable, Codable {
        /// The feed's title as it is.
        case fullTitle = "full_title"
        /// The title before its first qualifier (`Aurora Headphones – Midnight Black` → `Aurora Headphones`).
        case shortTitle = "short_title"
        /// The description's first sentence, when it is short enough to be a headline.
        case benefit
        /// The saving first (`−25% Trailrunner 2`); only for products on sale.
        case priceLed = "price_led"
    }

    /// The template's composition as drawn, or flipped left to right (image on the other side).
    public enum Layout: String, Sendable, CaseIterable, Codable {
        case standard, mirrored
    }

    /// How the call-to-action button is drawn.
    public enum CTAStyle: String, Sendable, CaseIterable, Codable {
        case filled
        /// An outline in the button's colour, the label in that colour too.
        case outline
    }

    public var colorScheme: ColorScheme = .light
    public var copy: Copy = .fullTitle
    /// Index into the brand's allowed CTA texts for the product's language.
    public var ctaIndex = 0
    /// 0: the main image; 1…: the feed's additional images in order.
    public var imageIndex = 0
    /// 0: the brand's main font pairing; 1…: its alternates.
    public var fontPairing = 0
    public var layout: Layout = .standard
    public var ctaStyle: CTAStyle = .filled

    public init(colorScheme: ColorScheme = .light, copy: Copy = .fullTitle, ctaIndex: Int = 0, imageIndex: Int = 0,
                fontPairing: Int = 0, layout: Layout = .standard, ctaStyle: CTAStyle = .filled) {
        self.ctaStyle = ctaStyle
        self.colorScheme = colorScheme
        self.copy = copy
        self.ctaIndex = ctaIndex
        self.imageIndex = imageIndex
        self.fontPairing = fontPairing
        self.layout = layout
    }

    public static let standard = Variant()

    /// Stable, readable name of the choice on each axis, for the manifest and file names.
    public var axes: [String: String] {
        ["color_scheme": colorScheme.rawValue, "copy": copy.rawValue, "cta": "\(ctaIndex)", "image": "\(imageIndex)",
         "fonts": "\(fontPairing)", "layout": layout.rawValue, "cta_style": ctaStyle.rawValue]
    }

    /// Short key, e.g. `primary-short_title-c1-i0-f0-standard`.
    public var key: String {
        "\(colorScheme.rawValue)-\(copy.rawValue)-c\(ctaIndex)-i\(imageIndex)-f\(fontPairing)-\(layout.rawValue)-\(ctaStyle.rawValue)"
    }
}
