/// The brand guide's hard rules, checked on one banner: each a yes/no flag
/// with reasons a designer can act on.
struct BrandCompliance: Sendable, Hashable {
    var textContrastViolated = false
    var logoTooSmall = false
    var logoClearSpaceViolated = false
    var forbiddenPairUsed = false
    /// One sentence per broken rule and element.
    var reasons: [String] = []

    /// The image element the brand logo is drawn in, as templates name it.
    static let logoID = "logo"
    /// Depth (px, on both axes) an element must reach into the logo's clear
    /// space to count: the solver's rounding is far below it.
    static let clearSpaceTolerance = 0.5

    static func check(spec: BannerSpec, brand: BrandGuide, legibility: [TextLegibility]) -> BrandCompliance {
        var result = BrandCompliance()
        result.checkContrast(legibility)
        if let rules = brand.logo { result.checkLogo(spec: spec, rules: rules) }
        if !brand.forbiddenPairs.isEmpty { result.checkForbiddenPairs(spec: spec, brand: brand) }
        return result
    }

    private mutating func checkContrast(_ legibility: [TextLegibility]) {
        for text in legibility where !text.passes {
            textContrastViolated = true
            reasons.append("text '\(text.id)' has a contrast of \(format(text.contrast)):1 with its background, "
                + "below the brand's \(format(text.requiredContrast)):1 for \(text.isLargeText ? "large" : "body") text "
                + "(\(format(text.fontSize)) px)")
        }
    }

    /// The logo's frame stands for the logo (templates keep its aspect, so the
    /// frame is the drawn logo). Its clear space is the frame grown by
    /// `clearSpace × height` on every side; any other element reaching into
    /// it breaks the rule, except one painted before the logo that contains
    /// the whole clear space: that is the surface the logo sits on.
    private mutating func checkLogo(spec: BannerSpec, rules: BrandGuide.Logo) {
        guard let logoIndex = spec.elements.firstIndex(where: {
            if case .image(let image) = $0 { return image.id == Self.logoID }
            return false
        }) else { return }
        let logo = spec.elements[logoIndex].frame
        if logo.height < rules.minimumHeight - 1e-6 {
            logoTooSmall = true
            reasons.append("the logo is \(format(logo.height)) px high, below the brand's minimum of "
                + "\(format(rules.minimumHeight)) px")
        }
        let margin = rules.clearSpace * logo.height
        let clearSpace = logo.insetBy(dx: -margin, dy: -margin)
        for (index, element) in spec.elements.enumerated() where index != logoIndex {
            if index < logoIndex, element.frame.contains(clearSpace, tolerance: 0) { continue }
            guard let overlap = element.frame.intersection(clearSpace),
                  overlap.width > Self.clearSpaceTolerance, overlap.height > Self.clearSpaceTolerance else { continue }
            logoClearSpaceViolated = true
            reasons.append("'\(element.id)' enters the logo's clear space (\(format(rules.clearSpace)) × its height "
                + "= \(format(margin)) px around it)")
        }
    }

    /// A text's colour and the fill under its centre (the topmost shape
    /// painted before it there, else the canvas background; both ends of a
    /// gradient) are matched to palette roles. A colour several roles share
    /// gets the benefit of the doubt: the pair breaks the rule only if every
    /// reading of the two colours is a forbidden pair. Texts on a photo, and
    /// tinted or mixed colours, match no role and are not judged.
    private mutating func checkForbiddenPairs(spec: BannerSpec, brand: BrandGuide) {
        let palette = PaletteRoles(brand.palette)
        let forbidden = Set(brand.forbiddenPairs.filter { $0.count == 2 }.map { Set($0) })
        for (index, element) in spec.elements.enumerated() {
            guard case .text(let text) = element else { continue }
            let textRoles = palette.roles(of: text.style.color)
            guard !textRoles.isEmpty else { continue }
            for fillColor in Self.fillColors(under: text.frame, paintedBefore: index, in: spec) {
                let fillRoles = palette.roles(of: fillColor)
                guard !fillRoles.isEmpty else { continue }
                let everyReadingForbidden = textRoles.allSatisfy { textRole in
                    fillRoles.allSatisfy { forbidden.contains([textRole, $0]) }
                }
                guard everyReadingForbidden else { continue }
                forbiddenPairUsed = true
                reasons.append("text '\(text.id)' (\(text.style.color.hex), \(textRoles.joined(separator: "/"))) "
                    + "sits on \(fillColor.hex) (\(fillRoles.joined(separator: "/"))), a pair the brand forbids")
                break
            }
        }
    }

    private static func fillColors(under frame: Rect, paintedBefore index: Int, in spec: BannerSpec) -> [Color] {
        let cx = frame.x + frame.width / 2, cy = frame.y + frame.height / 2
        for element in spec.elements[..<index].reversed() {
            let f = element.frame
            guard f.x <= cx, cx <= f.maxX, f.y <= cy, cy <= f.maxY else { continue }
            switch element {
            case .shape(let shape): return colors(of: shape.fill)
            case .image: return []
            case .text: continue
            }
        }
        return colors(of: spec.background)
    }

    private static func colors(of fill: Fill) -> [Color] {
        switch fill {
        case .solid(let color): [color]
        case .linearGradient(let from, let to, _): [from, to]
        }
    }

    private func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
