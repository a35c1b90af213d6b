/// A fully resolved banner: every element has a frame in pixels and every
/// style is concrete. The renderer draws exactly this and decides nothing.
public struct BannerSpec: Sendable, Hashable {
    public var size: BannerSize
    public var background: Fill
    public var elements: [Element]
    /// Ids of elements declared as underlays (cards, badge discs): others may sit on them.
    public var underlays: Set<String> = []
    /// The template's font-size range of each text element at this size, before fitting.
    public var textSizeRanges: [String: ClosedRange<Double>] = [:]

    public init(size: BannerSize, background: Fill, elements: [Element]) {
        self.size = size
        self.background = background
        self.elements = elements
    }

    public enum Element: Sendable, Hashable {
        case shape(ShapeElement)
        case image(ImageElement)
        case text(TextElement)

        public var id: String {
            switch self {
            case .shape(let e): e.id
            case .image(let e): e.id
            case .text(let e): e.id
            }
        }

        public var frame: Rect {
            switch self {
            case .shape(let e): e.frame
            case .image(let e): e.frame
            case .text(let e): e.frame
            }
        }
    }
}

/// An axis-aligned rectangle in banner pixels, origin top-left.
public struct Rect: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double
    public var width: Double
    public var height: Double

    public init(x: Double, y: Double, width: Double, height: Double) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }

    public var maxX: Double { x + width }
    public var maxY: Double { y + height }
    public var area: Double { max(0, width) * max(0, height) }

    public func intersection(_ other: Rect) -> Rect? {
        let x0 = max(x, other.x), y0 = max(y, other.y)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        guard x1 > x0, y1 > y0 else { return nil }
        return Rect(x: x0, y: y0, width: x1 - x0, height: y1 - y0)
    }

    public func contains(_ other: Rect, tolerance: Double = 0.5) -> Bool {
        other.x >= x - tolerance && other.y >= y - tolerance
            && other.maxX <= maxX + tolerance && other.maxY <= maxY + tolerance
    }

    public func insetBy(dx: Double, dy: Double) -> Rect {
        Rect(x: x + dx, y: y + dy, width: width - 2 * dx, height: height - 2 * dy)
    }
}

/// How an area is painted.
public enum Fill: Sendable, Hashable {
    case solid(Color)
    /// Linear gradient from `from` to `to` along `angle` degrees (0 = left to right, 90 = top to bottom).
    case linearGradient(from: Color, to: Color, angle: Double)

    /// Covers what is under it completely.
    var isOpaque: Bool {
        switch self {
        case .solid(let color): color.alpha >= 1
        case .linearGradient(let from, let to, _): from.alpha >= 1 && to.alpha >= 1
        }
    }
}

public struct ShapeElement: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case rectangle
        case roundedRectangle(radius: Double)
        /// Fully rounded ends, for buttons.
        case pill
        case ellipse
        /// A starburst, the retail "sale sticker": ``Burst/points`` spikes
        /// around the frame's ellipse.
        case burst
    }

    /// An outline drawn inside the shape's edge.
    public struct Stroke: Sendable, Hashable {
        public var color: Color
        public var width: Double

        public init(color: Color, width: Double) {
            self.color = color
            self.width = width
        }
    }

    public var id: String
    public var frame: Rect
    public var kind: Kind
    public var fill: Fill
    public var stroke: Stroke?

    public init(id: String, frame: Rect, kind: Kind, fill: Fill, stroke: Stroke? = nil) {
        self.id = id
        self.frame = frame
        self.kind = kind
        self.fill = fill
        self.stroke = stroke
    }
}

public struct ImageElement: Sendable, Hashable {
    public enum Fit: String, Sendable, Hashable, Codable {
        /// The whole image, letterboxed inside the frame.
        case contain
        /// The frame filled, cropped around the focal point.
        case cover
    }

    public var id: String
    public var frame: Rect
    /// Absolute file path of the image (resolved by the feed stage).
    public var source: String
    public var fit: Fit
    /// Point of interest in 0...1 image coordinates; `cover` keeps it in view.
    public var focus: Point
    public var cornerRadius: Double
    /// Where inside the frame a `contain` image sits (0 = left/top, 0.5 = centre, 1 = right/bottom).
    public var alignment: Point
    /// The product picture (not a logo): the layout metrics treat it as the papers' canvas image.
    public var showsProduct: Bool

    public init(id: String, frame: Rect, source: String, fit: Fit, focus: Point = Point(x: 0.5, y: 0.5),
                cornerRadius: Double = 0, alignment: Point = Point(x: 0.5, y: 0.5), showsProduct: Bool = false) {
        self.showsProduct = showsProduct
        self.id = id
        self.frame = frame
        self.source = source
        self.fit = fit
        self.focus = focus
        self.cornerRadius = cornerRadius
        self.alignment = alignment
    }
}

public struct Point: Sendable, Hashable, Codable {
    public var x: Double
    public var y: Double
    public init(x: Double, y: Double) {
        self.x = x
        self.y = y
    }
}

public struct TextElement: Sendable, Hashable {
    public var id: String
    public var frame: Rect
    public var text: String
    public var style: TextStyle

    public init(id: String, frame: Rect, text: String, style: TextStyle) {
        self.id = id
        self.frame = frame
        self.text = text
        self.style = style
    }
}

/// Everything that decides how a text looks and how it is fitted.
public struct TextStyle: Sendable, Hashable {
    public enum Alignment: String, Sendable, Hashable, Codable {
        /// Left for left-to-right text, right for Arabic and Hebrew.
        case leading
        case center
        case trailing
    }

    public enum VerticalAlignment: String, Sendable, Hashable, Codable {
        case top, center, bottom
    }

    public var font: FontRole
    /// The fitter picks the largest size in this range that fits.
    public var minimumSize: Double
    public var maximumSize: Double
    public var color: Color
    public var alignment: Alignment
    public var verticalAlignment: VerticalAlignment
    public var maximumLines: Int
    /// Line height as a multiple of the font size.
    public var lineHeight: Double
    /// When the text does not fit at the minimum size: end with "…" if true, reject the banner if false.
    public var allowsEllipsis: Bool
    public var strikethrough: Bool

    public init(font: FontRole, minimumSize: Double, maximumSize: Double, color: Color,
                alignment: Alignment = .leading, verticalAlignment: VerticalAlignment = .top,
                maximumLines: Int = 1, lineHeight: Double = 1.15, allowsEllipsis: Bool = true,
                strikethrough: Bool = false) {
        self.font = font
        self.minimumSize = minimumSize
        self.maximumSize = maximumSize
        self.color = color
        self.alignment = alignment
        self.verticalAlignment = verticalAlignment
        self.maximumLines = maximumLines
        self.lineHeight = lineHeight
        self.allowsEllipsis = allowsEllipsis
        self.strikethrough = strikethrough
    }
}
