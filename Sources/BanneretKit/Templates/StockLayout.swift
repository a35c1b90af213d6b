/// What a layout needs beyond the product: the brand and resolved file paths.
struct LayoutInput {
    var product: Product
    var brand: BrandGuide
    var size: BannerSize
    /// Absolute path of the product image, if the product has one.
    var imagePath: String?
    /// A photo with its own background (no transparency) fills its card
    /// instead of floating in it like a cut-out.
    var imageIsOpaque: Bool
    /// Width / height of the product image.
    var imageAspectRatio: Double
    /// Absolute paths of the brand's logo variants.
    var logoForLightBackground: String?
    var logoForDarkBackground: String?
    /// Pixel aspect ratio (width / height) of the logo, known from its file.
    var logoAspectRatio: Double
}

/// The one built-in layout, with positions computed per size class. Stands in
/// until templates are solved by constraints; it measures text through
/// ``TextMeasuring`` so elements stack under the text actually set.
struct StockLayout {
    let name = "stock-hero"
    private let measurer: TextMeasuring

    init(measurer: TextMeasuring) {
        self.measurer = measurer
    }

    enum SizeClass: String {
        case leaderboard, skyscraper, landscape, square
        init(_ size: BannerSize) {
            let ratio = size.aspectRatio
            self = ratio >= 3 ? .leaderboard : ratio <= 0.5 ? .skyscraper : ratio >= 1.15 ? .landscape : .square
        }
    }

    func spec(for input: LayoutInput) -> BannerSpec {
        var builder = Builder(input: input, measurer: measurer)
        switch SizeClass(input.size) {
        case .landscape: builder.landscape()
        case .square: builder.square()
        case .leaderboard: builder.leaderboard()
        case .skyscraper: builder.skyscraper()
        }
        var spec = BannerSpec(size: input.size, background: .solid(input.brand.palette.background),
                              elements: builder.elements)
        if Self.isRightToLeft(input.product.language) { spec = Self.mirrored(spec) }
        return spec
    }

    static func isRightToLeft(_ language: String) -> Bool {
        let base = language.lowercased().split(separator: "-").first.map(String.init) ?? ""
        return ["ar", "he", "fa", "ur"].contains(base)
    }

    /// Arabic and Hebrew readers scan from the right: the whole composition flips.
    static func mirrored(_ spec: BannerSpec) -> BannerSpec {
        var result = spec
        let width = Double(spec.size.width)
        result.elements = spec.elements.map { element in
            func flip(_ r: Rect) -> Rect { Rect(x: width - r.maxX, y: r.y, width: r.width, height: r.height) }
            switch element {
            case .shape(var e): e.frame = flip(e.frame); return .shape(e)
            case .image(var e):
                e.frame = flip(e.frame)
                e.alignment.x = 1 - e.alignment.x
                return .image(e)
            case .text(var e): e.frame = flip(e.frame); return .text(e)
            }
        }
        return result
    }
}

/// Accumulates elements for one banner; one method per size class.
private struct Builder {
    let input: LayoutInput
    let measurer: TextMeasuring
    var elements: [BannerSpec.Element] = []

    init(input: LayoutInput, measurer: TextMeasuring) {
        self.input = input
        self.measurer = measurer
    }

    var W: Double { Double(input.size.width) }
    var H: Double { Double(input.size.height) }
    var short: Double { min(W, H) }
    var margin: Double { (input.brand.margin * short).rounded() }
    var palette: BrandGuide.Palette { input.brand.palette }
    var typography: BrandGuide.Typography { input.brand.typography }
    var product: Product { input.product }
    var formatter: PriceFormatter { PriceFormatter(language: product.language) }
    var cornerRadius: Double { input.brand.cornerRadius * short }

    /// Light tint of the primary colour behind the product.
    var cardFill: Fill {
        .linearGradient(from: palette.primary.mixed(with: .white, amount: 0.88),
                        to: palette.primary.mixed(with: .white, amount: 0.74), angle: 90)
    }

    // MARK: Size classes

    /// Text column on the left, product card on the right (300x250, 1200x628).
    mutating func landscape() {
        let cardWidth = (W * 0.46).rounded()
        let card = Rect(x: W - cardWidth, y: 0, width: cardWidth, height: H)
        shape("product-card", card, .rectangle, cardFill)
        productImage(card: card, inset: card.insetBy(dx: card.width * 0.1, dy: H * 0.1))
        discountBadge(diameter: short * 0.26, center: Point(x: card.x + short * 0.17, y: short * 0.17))

        let column = Rect(x: margin, y: margin, width: card.x - 2 * margin, height: H - 2 * margin)
        var y = column.y
        y = logo(x: column.x, y: y, height: max(short * 0.075, 12)) + short * 0.06
        let cta = ctaButton(x: column.x, bottom: column.maxY, height: short * 0.13, maxWidth: column.width)
        // Room for the old price to stack above the price when it cannot sit beside it.
        let priceHeight = short * (oldPrice == nil ? 0.12 : 0.16)
        let priceTop = cta.y - short * 0.05 - priceHeight
        let headlineBox = Rect(x: column.x, y: y, width: column.width, height: priceTop - short * 0.04 - y)
        let headline = text("headline", product.title, in: headlineBox,
                            style: style(typography.display, short * 0.11, short * 0.052, palette.text,
                                         lines: H < 400 ? 4 : 3))
        if H >= 400, !product.description.isEmpty {
            let subTop = headline.maxY + short * 0.03
            let subBox = Rect(x: column.x, y: subTop, width: column.width * 0.95, height: priceTop - short * 0.04 - subTop)
            // Optional: only where at least one line fits at its minimum size.
            if subBox.height > short * 0.032 * 1.3 {
                text("subheadline", product.description, in: subBox,
                     style: style(typography.body, short * 0.048, short * 0.034, muted, lines: 2, lineHeight: 1.3))
            }
        }
        priceRow(x: column.x, y: priceTop, height: priceHeight, width: column.width)
    }

    /// Headline on top, product in the middle, price and CTA along the bottom (1080x1080).
    mutating func square() {
        var y = margin
        let logoBottom = logo(x: margin, y: y, height: short * 0.05)
        y = logoBottom + short * 0.035
        let headline = text("headline", product.title,
                            in: Rect(x: margin, y: y, width: W - 2 * margin, height: H * 0.2),
                            style: style(typography.display, short * 0.075, short * 0.045, palette.text, lines: 3))
        let bottomBand = short * 0.1
        let bottomY = H - margin - bottomBand
        let card = Rect(x: margin, y: headline.maxY + short * 0.04, width: W - 2 * margin,
                        height: bottomY - short * 0.045 - (headline.maxY + short * 0.04))
        shape("product-card", card, .roundedRectangle(radius: cornerRadius), cardFill)
        productImage(card: card, radius: cornerRadius, inset: card.insetBy(dx: card.width * 0.12, dy: card.height * 0.1))
        discountBadge(diameter: short * 0.17, center: Point(x: card.maxX - short * 0.11, y: card.y + short * 0.11))
        let cta = ctaButton(x: nil, bottom: H - margin, height: bottomBand, maxWidth: W * 0.42, rightEdge: W - margin)
        priceRow(x: margin, y: bottomY + bottomBand * 0.05, height: bottomBand * 0.9, width: cta.x - 2 * margin)
    }

    /// One strip: logo, product, headline, price, CTA (728x90, 970x250, 320x50).
    mutating func leaderboard() {
        let pad = (H * 0.14).rounded()
        var x = pad * 1.5
        x = logoInline(x: x, centerY: H / 2, height: max(H * 0.24, 10)) + pad * 1.5
        let imageBox = Rect(x: x, y: 0, width: H * 1.25, height: H)
        shape("product-card", imageBox, .rectangle, cardFill)
        productImage(card: imageBox, inset: imageBox.insetBy(dx: H * 0.08, dy: H * 0.08))
        discountBadge(diameter: H * 0.42, center: Point(x: imageBox.maxX - H * 0.05, y: H * 0.25))
        x = imageBox.maxX + pad * 1.6
        let cta = ctaButton(x: nil, bottom: H / 2 + H * 0.2, height: H * 0.4, maxWidth: W * 0.2, rightEdge: W - pad * 1.5)
        let priceWidth = W * 0.15
        let priceX = cta.x - pad * 1.2 - priceWidth
        priceColumn(x: priceX, width: priceWidth, centerY: H / 2, height: H * 0.62)
        text("headline", product.title,
             in: Rect(x: x, y: pad, width: priceX - pad - x, height: H - 2 * pad),
             style: style(typography.display, H * 0.3, H * 0.17, palette.text, lines: 2, vertical: .center))
    }

    /// Everything stacked and centred (160x600, 300x600).
    mutating func skyscraper() {
        var y = margin * 1.5
        y = logoCentered(y: y, height: W * 0.11) + W * 0.12
        let headline = text("headline", product.title,
                            in: Rect(x: margin, y: y, width: W - 2 * margin, height: H * 0.24),
                            style: style(typography.display, W * 0.14, W * 0.095, palette.text, lines: 5,
                                         alignment: .center))
        let cta = ctaButton(x: margin, bottom: H - margin * 1.5, height: W * 0.2, maxWidth: W - 2 * margin,
                            fullWidth: true)
        let priceHeight = W * 0.3
        let priceY = cta.y - W * 0.08 - priceHeight
        priceStack(centerX: W / 2, y: priceY, height: priceHeight, width: W - 2 * margin)
        let cardTop = headline.maxY + W * 0.1
        let card = Rect(x: 0, y: cardTop, width: W, height: priceY - W * 0.08 - cardTop)
        shape("product-card", card, .rectangle, cardFill)
        productImage(card: card, inset: card.insetBy(dx: W * 0.1, dy: W * 0.1))
        discountBadge(diameter: W * 0.34, center: Point(x: W - W * 0.22, y: card.y + W * 0.2))
    }

    // MARK: Pieces

    var muted: Color { palette.text.mixed(with: palette.background, amount: 0.3) }

    func style(_ font: FontRole, _ maxSize: Double, _ minSize: Double, _ color: Color, lines: Int,
               alignment: TextStyle.Alignment = .leading, vertical: TextStyle.VerticalAlignment = .top,
               lineHeight: Double = 1.12, strikethrough: Bool = false, ellipsis: Bool = true) -> TextStyle {
        // Below 9 px nothing is legible on a banner: better to reject than to ship it.
        TextStyle(font: font, minimumSize: max(9, (minSize * 4).rounded() / 4), maximumSize: max(9, (maxSize * 4).rounded() / 4),
                  color: color, alignment: alignment, verticalAlignment: vertical, maximumLines: lines,
                  lineHeight: lineHeight, allowsEllipsis: ellipsis, strikethrough: strikethrough)
    }

    /// Fits `text` in `box` and adds it with its frame shrunk to the text set
    /// (top-aligned) and its size pinned, so the renderer draws what was measured.
    @discardableResult
    mutating func text(_ id: String, _ string: String, in box: Rect, style: TextStyle) -> Rect {
        let fitted = measurer.fit(string, style: style, in: (box.width, box.height))
        var pinned = style
        pinned.minimumSize = fitted.fontSize
        pinned.maximumSize = fitted.fontSize
        var frame = box
        if style.verticalAlignment == .top {
            frame.height = min(box.height, fitted.height)
        }
        // A leading single line claims only the width it uses, so what sits
        // beside it (the old price) does not share its frame. A pixel of slack
        // absorbs Pango's rounding of the layout width.
        if style.maximumLines == 1, style.alignment == .leading {
            frame.width = min(box.width, (fitted.width + 1).rounded(.up))
        }
        elements.append(.text(TextElement(id: id, frame: frame, text: string, style: pinned)))
        return frame
    }

    mutating func shape(_ id: String, _ frame: Rect, _ kind: ShapeElement.Kind, _ fill: Fill) {
        elements.append(.shape(ShapeElement(id: id, frame: frame, kind: kind, fill: fill)))
    }

    /// A cut-out sits inside `inset` on the tinted card; a photo covers the
    /// card when that crops at most a third of it, else it is shown whole.
    mutating func productImage(card: Rect, radius: Double = 0, inset: Rect) {
        guard let path = input.imagePath else { return }
        let cardRatio = card.width / card.height
        let kept = min(input.imageAspectRatio / cardRatio, cardRatio / input.imageAspectRatio)
        let element = input.imageIsOpaque && kept >= 0.67
            ? ImageElement(id: "product", frame: card, source: path, fit: .cover, cornerRadius: radius)
            : ImageElement(id: "product", frame: inset, source: path, fit: .contain)
        elements.append(.image(element))
    }

    /// Logo at the top-left; returns its bottom edge.
    mutating func logo(x: Double, y: Double, height: Double) -> Double {
        let h = max(height, input.brand.logo?.minimumHeight ?? 0)
        guard let path = logoPath else { return y }
        let frame = Rect(x: x, y: y, width: h * input.logoAspectRatio, height: h)
        elements.append(.image(ImageElement(id: "logo", frame: frame, source: path, fit: .contain,
                                            alignment: Point(x: 0, y: 0.5))))
        return frame.maxY
    }

    mutating func logoCentered(y: Double, height: Double) -> Double {
        let h = max(height, input.brand.logo?.minimumHeight ?? 0)
        let width = min(h * input.logoAspectRatio, W - 2 * margin)
        return logo(x: (W - width) / 2, y: y, height: width / input.logoAspectRatio)
    }

    /// Logo vertically centred; returns its right edge.
    mutating func logoInline(x: Double, centerY: Double, height: Double) -> Double {
        let h = max(height, input.brand.logo?.minimumHeight ?? 0)
        guard logoPath != nil else { return x }
        _ = logo(x: x, y: centerY - h / 2, height: h)
        return x + h * input.logoAspectRatio
    }

    var logoPath: String? {
        palette.background.relativeLuminance > 0.4 ? input.logoForLightBackground : input.logoForDarkBackground
    }

    mutating func discountBadge(diameter: Double, center: Point) {
        guard let percent = product.discountPercent else { return }
        let frame = Rect(x: center.x - diameter / 2, y: center.y - diameter / 2, width: diameter, height: diameter)
        shape("badge", frame, .ellipse, .solid(palette.accent))
        let inner = frame.insetBy(dx: diameter * 0.16, dy: diameter * 0.3)
        text("badge-text", "-\(percent)%", in: inner,
             style: style(typography.price, diameter * 0.32, diameter * 0.12, palette.textOnAccent, lines: 1,
                          alignment: .center, vertical: .center, ellipsis: false))
    }

    /// A pill with the brand's CTA copy, sized to its text. Returns its frame.
    @discardableResult
    mutating func ctaButton(x: Double?, bottom: Double, height: Double, maxWidth: Double,
                            rightEdge: Double? = nil, fullWidth: Bool = false) -> Rect {
        let label = input.brand.callToAction(language: product.language)
        let labelStyle = style(typography.price, height * 0.42, height * 0.26, palette.textOnPrimary, lines: 1,
                               alignment: .center, vertical: .center, ellipsis: false)
        let padding = height * 0.55
        let fitted = measurer.fit(label, style: labelStyle, in: (maxWidth - 2 * padding, height * 0.7))
        let width = fullWidth ? maxWidth : min(maxWidth, (fitted.width + 2 * padding + 1).rounded(.up))
        let left = x ?? ((rightEdge ?? W) - width)
        let frame = Rect(x: left, y: bottom - height, width: width, height: height)
        shape("cta", frame, .pill, .solid(palette.primary))
        var pinned = labelStyle
        pinned.minimumSize = fitted.fontSize
        pinned.maximumSize = fitted.fontSize
        elements.append(.text(TextElement(id: "cta-text", frame: frame.insetBy(dx: padding, dy: height * 0.15),
                                          text: label, style: pinned)))
        return frame
    }

    var currentPrice: Money? { product.salePrice != nil && product.discountPercent != nil ? product.salePrice : product.price }
    var oldPrice: Money? { product.discountPercent != nil ? product.price : nil }

    /// Price, then the struck-through old price beside it on the same
    /// baseline; where the two do not fit side by side, the old price goes
    /// above the price, smaller.
    mutating func priceRow(x: Double, y: Double, height: Double, width: Double) {
        guard let price = currentPrice else { return }
        let priceText = formatter.format(price)
        let accent = oldPrice == nil ? palette.text : palette.accent
        // Single lines are fitted by height too; scripts with tall line boxes
        // get a smaller size rather than an overflow.
        let mainStyle = style(typography.price, height * (oldPrice == nil ? 0.8 : 0.6), height * 0.3, accent, lines: 1,
                              ellipsis: false)
        guard let old = oldPrice else {
            text("price", priceText, in: Rect(x: x, y: y, width: width, height: height), style: mainStyle)
            return
        }
        let oldText = formatter.format(old)
        let oldHeight = height * 0.45
        let oldStyle = style(typography.body, oldHeight * 0.8, oldHeight * 0.3, muted, lines: 1, strikethrough: true,
                             ellipsis: false)
        let gap = height * 0.25
        let mainFit = measurer.fit(priceText, style: mainStyle, in: (width * 0.62, height))
        let besideWidth = width - (mainFit.width + 1).rounded(.up) - gap
        if besideWidth > 0, !measurer.fit(oldText, style: oldStyle, in: (besideWidth, oldHeight)).overflows {
            let main = text("price", priceText, in: Rect(x: x, y: y, width: width * 0.62, height: height), style: mainStyle)
            text("old-price", oldText,
                 in: Rect(x: main.maxX + gap, y: main.maxY - oldHeight - height * 0.06, width: besideWidth, height: oldHeight),
                 style: oldStyle)
        } else {
            let above = text("old-price", oldText, in: Rect(x: x, y: y, width: width, height: height * 0.36),
                             style: style(typography.body, height * 0.26, height * 0.2, muted, lines: 1,
                                          strikethrough: true, ellipsis: false))
            text("price", priceText, in: Rect(x: x, y: above.maxY, width: width, height: y + height - above.maxY),
                 style: mainStyle)
        }
    }

    /// Price above old price, both right-aligned in a column (leaderboard).
    mutating func priceColumn(x: Double, width: Double, centerY: Double, height: Double) {
        guard let price = currentPrice else { return }
        let hasOld = oldPrice != nil
        let mainHeight = hasOld ? height * 0.58 : height * 0.7
        let top = centerY - (hasOld ? height / 2 : mainHeight / 2)
        let main = text("price", formatter.format(price), in: Rect(x: x, y: top, width: width, height: mainHeight),
                        style: style(typography.price, mainHeight * 0.8, mainHeight * 0.4,
                                     hasOld ? palette.accent : palette.text, lines: 1, alignment: .trailing,
                                     ellipsis: false))
        guard let old = oldPrice else { return }
        text("old-price", formatter.format(old), in: Rect(x: x, y: main.maxY, width: width, height: height * 0.42),
             style: style(typography.body, height * 0.3, height * 0.14, muted, lines: 1, alignment: .trailing,
                          strikethrough: true, ellipsis: false))
    }

    /// Price and old price centred, one above the other (skyscraper).
    mutating func priceStack(centerX: Double, y: Double, height: Double, width: Double) {
        guard let price = currentPrice else { return }
        let main = text("price", formatter.format(price),
                        in: Rect(x: centerX - width / 2, y: y, width: width, height: height * 0.6),
                        style: style(typography.price, height * 0.5, height * 0.25,
                                     oldPrice == nil ? palette.text : palette.accent, lines: 1, alignment: .center,
                                     ellipsis: false))
        guard let old = oldPrice else { return }
        text("old-price", formatter.format(old),
             in: Rect(x: centerX - width / 2, y: main.maxY + height * 0.04, width: width, height: height * 0.32),
             style: style(typography.body, height * 0.24, height * 0.15, muted, lines: 1, alignment: .center,
                          strikethrough: true, ellipsis: false))
    }
}
