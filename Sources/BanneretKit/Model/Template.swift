/// A banner template: elements styled by brand roles, placed by linear
/// constraints, with one constraint set per size class so one file serves
/// every size. Loaded from YAML by ``TemplateLoader``.
public struct Template: Sendable, Hashable {
    public var name: String
    public var description: String
    /// The file it came from, for error locations.
    public var file: String
    var background: ColorSpec
    /// Named constants (`let.unit`) for every size class.
    var lets: [LetDefinition]
    var elements: [TemplateElement]
    /// Constraints that apply at every size.
    var constraints: [ConstraintStatement]
    var sizeClasses: [SizeClass: SizeClassRules]
    /// How many products one banner shows: 1, or 2–4 for a catalogue grid,
    /// whose elements say which product they show with `item`.
    public var productCount: Int = 1

    /// The size classes this template has its own rules for.
    public var supportedSizeClasses: [SizeClass] { SizeClass.allCases.filter { sizeClasses[$0] != nil } }
}

/// Families of banner shapes that share a composition.
public enum SizeClass: String, Sendable, Hashable, CaseIterable, Codable {
    /// 728x90, 970x250, 320x50, 320x100: one wide strip.
    case leaderboard
    /// 160x600, 300x600.
    case skyscraper
    /// 300x250, 336x280.
    case rectangle
    /// 1080x1080.
    case square
    /// 1200x628.
    case landscape
    /// 1080x1350.
    case portrait
    /// 1080x1920, with safe zones at top and bottom.
    case story

    /// The class of a size: named IAB and social sizes first, then by aspect ratio.
    public init(_ size: BannerSize) {
        switch (size.width, size.height) {
        case (728, 90), (970, 250), (320, 50), (320, 100): self = .leaderboard
        case (160, 600), (300, 600): self = .skyscraper
        case (300, 250), (336, 280): self = .rectangle
        case (1080, 1080): self = .square
        case (1200, 628): self = .landscape
        case (1080, 1350): self = .portrait
        case (1080, 1920): self = .story
        default:
            let ratio = size.aspectRatio
            self = ratio >= 2.5 ? .leaderboard
                : ratio >= 1.5 ? .landscape
                : ratio >= 1.1 ? .rectangle
                : ratio >= 0.9 ? .square
                : ratio >= 0.7 ? .portrait
                : size.height >= 1000 && ratio >= 0.5 ? .story
                : .skyscraper
        }
    }

    /// Classes to borrow rules from, in order, when a template has none for this one.
    var fallbacks: [SizeClass] {
        switch self {
        case .leaderboard: [.landscape]
        case .skyscraper: [.story, .portrait]
        case .rectangle: [.landscape, .square]
        case .square: [.rectangle, .portrait]
        case .landscape: [.rectangle, .leaderboard]
        case .portrait: [.square, .story]
        case .story: [.portrait, .skyscraper]
        }
    }
}

/// `name: expression` of constants, referred to as `let.name`.
struct LetDefinition: Sendable, Hashable {
    var name: String
    var expression: LayoutExpression
    var source: SourceText
}

struct SizeClassRules: Sendable, Hashable {
    /// Named constants for this size class; they may use the template's own.
    var lets: [LetDefinition] = []
    var constraints: [ConstraintStatement]
    /// Per element id, properties that replace the element's own at this size class.
    var overrides: [String: ElementProperties]
}

struct TemplateElement: Sendable, Hashable {
    enum Kind: String, Sendable, Hashable, CaseIterable {
        case shape, image, text
    }

    var id: String
    var kind: Kind
    var properties: ElementProperties
    var source: SourceText
}

/// Everything an element can say; all optional so size classes can override any part.
struct ElementProperties: Sendable, Hashable {
    // Any element
    var when: [Condition]?
    /// May sit under other elements (cards, scrims, badge discs); everything else must not overlap.
    var underlay: Bool?
    var hidden: Bool?
    // Shapes
    var shape: ShapeElement.Kind?
    var fill: FillSpec?
    var radius: LayoutExpression?
    // Images
    var image: ImageSource?
    var fit: ImageFit?
    var focus: Point?
    /// Adds `width == aspect × height` from the (trimmed) image.
    var keepAspect: Bool?
    // Text
    var binding: TextBinding?
    var font: FontRoleName?
    var color: ColorSpec?
    var size: (min: LayoutExpression, max: LayoutExpression)?
    var maxLines: Int?
    var ellipsis: Bool?
    var align: TextStyle.Alignment?
    var verticalAlign: TextStyle.VerticalAlignment?
    var lineHeight: Double?
    var strikethrough: Bool?
    /// The element's width follows its text (buttons, prices) instead of the constraints alone.
    var hugWidth: Bool?
    /// Left out (height 0, not drawn) when it does not fit at its minimum size, instead of rejecting the banner.
    var optional: Bool?
    /// Which product of a catalogue grid's group the element shows (1 = the first); nil = the first.
    var item: Int?

    /// `other`'s values where it has them, else ours.
    func overridden(by other: ElementProperties) -> ElementProperties {
        var result = self
        result.when = other.when ?? when
        result.underlay = other.underlay ?? underlay
        result.hidden = other.hidden ?? hidden
        result.shape = other.shape ?? shape
        result.fill = other.fill ?? fill
        result.radius = other.radius ?? radius
        result.image = other.image ?? image
        result.fit = other.fit ?? fit
        result.focus = other.focus ?? focus
        result.keepAspect = other.keepAspect ?? keepAspect
        result.binding = other.binding ?? binding
        result.font = other.font ?? font
        result.color = other.color ?? color
        result.size = other.size ?? size
        result.maxLines = other.maxLines ?? maxLines
        result.ellipsis = other.ellipsis ?? ellipsis
        result.align = other.align ?? align
        result.verticalAlign = other.verticalAlign ?? verticalAlign
        result.lineHeight = other.lineHeight ?? lineHeight
        result.strikethrough = other.strikethrough ?? strikethrough
        result.hugWidth = other.hugWidth ?? hugWidth
        result.optional = other.optional ?? optional
        result.item = other.item ?? item
        return result
    }

    static func == (a: ElementProperties, b: ElementProperties) -> Bool {
        a.when == b.when && a.underlay == b.underlay && a.hidden == b.hidden && a.shape == b.shape && a.fill == b.fill
            && a.radius == b.radius && a.image == b.image && a.fit == b.fit && a.focus == b.focus
            && a.keepAspect == b.keepAspect && a.binding == b.binding && a.font == b.font && a.color == b.color
            && a.size?.min == b.size?.min && a.size?.max == b.size?.max && a.maxLines == b.maxLines
            && a.ellipsis == b.ellipsis && a.align == b.align && a.verticalAlign == b.verticalAlign
            && a.lineHeight == b.lineHeight && a.strikethrough == b.strikethrough && a.hugWidth == b.hugWidth
            && a.optional == b.optional && a.item == b.item
    }

    func hash(into hasher: inout Hasher) {
        hasher.combine(binding)
        hasher.combine(shape)
        hasher.combine(image)
    }
}

/// When an element is present.
enum Condition: Sendable, Hashable {
    /// A product fact: `sale`, `description`, `image`, `photo` (an opaque picture), `logo`, `price`; `negated` for `!sale`.
    case flag(String, negated: Bool)
    /// A comparison of constants: `canvas.width >= 400`.
    case compare(ConstraintStatement)

    static let flags = ["sale", "description", "image", "photo", "logo", "price", "brand"]
}

enum ImageSource: String, Sendable, Hashable, CaseIterable {
    case product, logo
}

enum ImageFit: String, Sendable, Hashable, CaseIterable {
    case contain, cover
    /// Cover for opaque photos when that crops at most a third, else contain.
    case auto
}

enum FontRoleName: String, Sendable, Hashable, CaseIterable {
    case display, body, price
}

/// What a text element shows.
enum TextBinding: Sendable, Hashable {
    case title, description, price, oldPrice, discount, cta, brand
    /// The first level of `product_type` ("Bags" of "Bags > Backpacks"): a catalogue grid's heading.
    case category
    case literal(String)
    /// Any other feed field by name (`field.custom_label_0`, `field.shipping.country`).
    case field(String)

    static let names: [String: TextBinding] = [
        "title": .title, "description": .description, "price": .price, "old_price": .oldPrice,
        "discount": .discount, "cta": .cta, "brand": .brand, "category": .category,
    ]
}

/// A colour by brand role, optionally tinted toward white, shaded toward black, or made translucent.
struct ColorSpec: Sendable, Hashable {
    var role: String
    /// Role used instead when the product is on sale (a sale price in the accent colour).
    var saleRole: String?
    var tint: Double = 0
    var shade: Double = 0
    var alpha: Double = 1

    static let roles = ["primary", "secondary", "accent", "background", "text", "text_on_primary", "text_on_accent",
                        "text_on_secondary", "muted", "white", "black"]
}

enum FillSpec: Sendable, Hashable {
    case solid(ColorSpec)
    case gradient(ColorSpec, ColorSpec, angle: Double)
}
