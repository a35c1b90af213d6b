/// How legible one text element is: its worst-case WCAG 2.x contrast against
/// the pixels actually rendered behind it, and the minimum the brand asks for
/// text of its size.
///
/// Measured on the finished pixels, so whatever ends up under a text — a
/// flat fill, the card's gradient, a badge disc or part of a photo — is
/// judged as drawn, without rendering anything again.
public struct TextLegibility: Sendable, Hashable {
    public var id: String
    /// The lowest contrast between the text colour and the background
    /// sampled in the text's frame, 1...21.
    public var contrast: Double
    /// The brand's minimum for this text: ``BrandGuide/minimumLargeTextContrast``
    /// for large text, else ``BrandGuide/minimumContrast``.
    public var requiredContrast: Double
    /// The size the text was drawn at, in pixels.
    public var fontSize: Double
    /// WCAG large text: 24 px and up, or 18.66 px and up at weight 700 or more.
    public var isLargeText: Bool
    /// Sampled pixels of the frame read as background; 0 when none was
    /// found and the contrast was taken over every sample instead.
    public var backgroundSamples: Int

    public var passes: Bool { contrast >= requiredContrast }
}

extension TextLegibility {
    /// Levels (of 255, largest channel difference) within which a pixel is
    /// the colour a fill predicts: Cairo's gradient and compositing rounding.
    static let fillTolerance = 3
    /// Pixels within this many levels of the text colour are read as glyph
    /// ink, not background (only where no fill predicts the background).
    static let inkDistance = 26
    /// Half the side of the window a background pixel must stand out in.
    static let windowRadius = 3
    /// Pixels sampled per text frame at most. Backgrounds behind text are
    /// fills, gradients or pictures whose worst level spans many pixels, so a
    /// grid of a few thousand finds it; a 9 px label is read pixel by pixel.
    static let maximumSamples = 4_096
    /// A background pixel over a picture is within this many levels as far
    /// from the text colour as the farthest pixel in its window.
    static let backgroundTolerance = 2

    /// Measures the text element at `index` of `spec` on `pixels`; nil when
    /// it is not a text or its frame holds no pixel of the canvas.
    ///
    /// The method renders nothing. It samples the pixels whose centres lie in
    /// the frame (every pixel, or a regular grid of at most
    /// ``maximumSamples``) and asks the spec what was painted *below* the
    /// text at each:
    /// - Over flat fills and gradients the background colour is known: the
    ///   fill of the topmost opaque shape painted before the text that covers
    ///   the pixel centre (by its outline: rectangle, rounded, pill or
    ///   ellipse), else the canvas background. A pixel is background when it
    ///   is, within ``fillTolerance``, the colour that fill paints there; it
    ///   then counts with that painted colour (to 8 bits), so the contrast is
    ///   the fill's own, free of rounding and of faint ink bleed. Glyph ink,
    ///   antialiased blends, colour-emoji glyphs and shape edges match no
    ///   fill and are ignored.
    /// - Over a picture (or a translucent shape) the background is unknown. A
    ///   pixel there is background when its distance d from the text colour
    ///   (largest channel difference) is at least ``inkDistance`` and no
    ///   pixel within ``windowRadius`` (a 7 × 7 window inside the frame) is
    ///   more than ``backgroundTolerance`` farther from the ink: glyph pixels
    ///   and their blends always have cleaner background nearby. This finds
    ///   the worst background level at the scale of 7 px rather than the
    ///   single worst pixel; background within ``inkDistance`` of the text
    ///   colour cannot be told from ink there.
    ///
    /// The contrast is the minimum WCAG ratio between the text colour and the
    /// background samples. If there are none (the glyphs hide every sample,
    /// or the background is the text's own colour) the minimum runs over
    /// every sample, reporting the contrast the reader actually gets.
    static func measure(elementAt index: Int, of spec: BannerSpec, fontSize: Double, pixels: StraightPixels,
                        brand: BrandGuide) -> TextLegibility? {
        guard case .text(let text) = spec.elements[index] else { return nil }
        let frame = text.frame
        let x0 = max(0, Int((frame.x - 0.5).rounded(.up))), x1 = min(pixels.width, Int((frame.maxX - 0.5).rounded(.up)))
        let y0 = max(0, Int((frame.y - 0.5).rounded(.up))), y1 = min(pixels.height, Int((frame.maxY - 0.5).rounded(.up)))
        guard x1 > x0, y1 > y0 else { return nil }
        let width = x1 - x0, height = y1 - y0
        let layers = Self.layers(below: index, of: spec, within: frame)
        let canvas = Rect(x: 0, y: 0, width: Double(pixels.width), height: Double(pixels.height))
        let background = FillSampler(spec.background, over: canvas)

        let textLuminance = text.style.color.relativeLuminance
        // Contrast is lowest for the luminance nearest the text's, from above or below.
        var nearestAbove = Double.infinity, nearestBelow = -Double.infinity
        var backgroundSamples = 0
        func include(_ c: StraightPixels.RGB) {
            let l = StraightPixels.relativeLuminance(c)
            if l >= textLuminance { nearestAbove = min(nearestAbove, l) } else { nearestBelow = max(nearestBelow, l) }
        }
        let step = Self.sampleStep(width: width, height: height)
        for y in stride(from: 0, to: height, by: step) {
            let cy = Double(y0 + y) + 0.5
            for x in stride(from: 0, to: width, by: step) {
                let cx = Double(x0 + x) + 0.5
                let c = pixels.rgb(x0 + x, y0 + y)
                switch Self.classify(c, x: cx, y: cy, layers: layers, background: background) {
                case .fill(let painted):
                    include(painted)
                    backgroundSamples += 1
                case .overPicture:
                    if Self.standsOut(c, atX: x0 + x, y: y0 + y, within: (x0, y0, x1, y1), from: text.style.color,
                                      pixels: pixels) {
                        include(c)
                        backgroundSamples += 1
                    }
                case .glyph: break
                }
            }
        }
        if backgroundSamples == 0 {
            for y in stride(from: 0, to: height, by: step) {
                for x in stride(from: 0, to: width, by: step) { include(pixels.rgb(x0 + x, y0 + y)) }
            }
        }
        let fromAbove = nearestAbove.isFinite ? (nearestAbove + 0.05) / (textLuminance + 0.05) : .infinity
        let fromBelow = nearestBelow.isFinite ? (textLuminance + 0.05) / (nearestBelow + 0.05) : .infinity
        let isLarge = fontSize >= 24 || (fontSize >= 18.66 && text.style.font.weight >= 700)
        return TextLegibility(id: text.id, contrast: min(fromAbove, fromBelow),
                              requiredContrast: isLarge ? brand.minimumLargeTextContrast : brand.minimumContrast,
                              fontSize: fontSize, isLargeText: isLarge, backgroundSamples: backgroundSamples)
    }

    /// A layer the spec paints below a text.
    private enum Layer {
        /// An opaque shape: where it covers a pixel, its fill is all that shows.
        case opaque(ShapeElement, FillSampler)
        /// A picture or a translucent shape: what shows there is not predicted.
        case unpredictable(Rect)
    }

    /// The layers below the element at `index` that reach into `frame`, bottom up.
    private static func layers(below index: Int, of spec: BannerSpec, within frame: Rect) -> [Layer] {
        spec.elements[..<index].compactMap { element in
            guard element.frame.intersection(frame) != nil else { return nil }
            switch element {
            case .shape(let shape):
                // A clear fill (an outlined button) paints nothing under the text; only its outline shows.
                if case .solid(let c) = shape.fill, c.alpha == 0 { return nil }
                let opaque: Bool
                switch shape.fill {
                case .solid(let c): opaque = c.alpha >= 1
                case .linearGradient(let from, let to, _): opaque = from.alpha >= 1 && to.alpha >= 1
                }
                return opaque ? .opaque(shape, FillSampler(shape.fill, over: shape.frame)) : .unpredictable(shape.frame)
            case .image(let image): return .unpredictable(image.frame)
            case .text: return nil
            }
        }
    }

    /// What a pixel in a text's frame shows.
    private enum PixelReading {
        /// The background, with the colour its fill paints there (to 8 bits),
        /// so the contrast is the fill's own, free of rounding and ink bleed.
        case fill(StraightPixels.RGB)
        /// Not a fill's colour, but a picture lies above the visible fill.
        case overPicture
        /// Glyph ink, a blend with it, a colour glyph or a shape's edge.
        case glyph
    }

    /// Reads a pixel against the topmost opaque layer under its centre (or
    /// the canvas background where none is).
    private static func classify(_ c: StraightPixels.RGB, x: Double, y: Double, layers: [Layer],
                                 background: FillSampler) -> PixelReading {
        var belowPicture = false
        for layer in layers.reversed() {
            switch layer {
            case .opaque(let shape, let fill):
                guard shape.covers(x: x, y: y) else { continue }
                return reading(c, painted: fill.rgb(x: x, y: y), belowPicture: belowPicture)
            case .unpredictable(let rect):
                if rect.x <= x, x < rect.maxX, rect.y <= y, y < rect.maxY { belowPicture = true }
            }
        }
        return reading(c, painted: background.rgb(x: x, y: y), belowPicture: belowPicture)
    }

    private static func reading(_ c: StraightPixels.RGB, painted: (red: Double, green: Double, blue: Double),
                                belowPicture: Bool) -> PixelReading {
        let tolerance = Double(fillTolerance)
        if abs(Double(c.red) - painted.red) <= tolerance, abs(Double(c.green) - painted.green) <= tolerance,
           abs(Double(c.blue) - painted.blue) <= tolerance {
            return .fill(StraightPixels.RGB(red: Int(painted.red.rounded()), green: Int(painted.green.rounded()),
                                            blue: Int(painted.blue.rounded())))
        }
        return belowPicture ? .overPicture : .glyph
    }

    /// Whether a pixel over a picture is background: far from the ink, and
    /// as far as anything in its window (clipped to the frame `bounds`,
    /// given as x0, y0, x1, y1 with exclusive ends).
    private static func standsOut(_ c: StraightPixels.RGB, atX px: Int, y py: Int, within bounds: (Int, Int, Int, Int),
                                  from textColor: Color, pixels: StraightPixels) -> Bool {
        let ink = StraightPixels.RGB(textColor)
        func distance(_ c: StraightPixels.RGB) -> Int {
            max(abs(c.red - ink.red), abs(c.green - ink.green), abs(c.blue - ink.blue))
        }
        let d = distance(c)
        guard d >= inkDistance else { return false }
        for y in max(bounds.1, py - windowRadius) ... min(bounds.3 - 1, py + windowRadius) {
            for x in max(bounds.0, px - windowRadius) ... min(bounds.2 - 1, px + windowRadius)
                where distance(pixels.rgb(x, y)) > d + backgroundTolerance {
                return false
            }
        }
        return true
    }

    /// Pixels between samples: 1 (every pixel) up to about ``maximumSamples``
    /// pixels per frame, then the smallest step that stays under it.
    static func sampleStep(width: Int, height: Int) -> Int {
        var step = 1
        while ((width + step - 1) / step) * ((height + step - 1) / step) > maximumSamples { step += 1 }
        return step
    }
}
