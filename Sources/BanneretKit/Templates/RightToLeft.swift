/// Right-to-left compositions: Arabic and Hebrew readers scan from the
/// right, so the whole layout flips; text alignment follows the text itself.
enum RightToLeft {
    static func isRightToLeft(_ language: String) -> Bool {
        let base = language.lowercased().split(separator: "-").first.map(String.init) ?? ""
        return ["ar", "he", "fa", "ur"].contains(base)
    }

    /// Whether the first letter of `text` is Arabic or Hebrew (the bidi "first strong" rule).
    static func startsRightToLeft(_ text: String) -> Bool {
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            switch scalar.value {
            case 0x0590 ... 0x08FF, 0xFB1D ... 0xFDFF, 0xFE70 ... 0xFEFF: return true
            default: return false
            }
        }
        return false
    }

    /// - Parameter realigningText: flip left-to-right text alignment too (a right-to-left
    ///   composition); a mirrored variant of a left-to-right banner keeps its text ragged-right.
    static func mirrored(_ spec: BannerSpec, realigningText: Bool = true) -> BannerSpec {
        var result = spec
        let width = Double(spec.size.width)
        func flip(_ r: Rect) -> Rect { Rect(x: width - r.maxX, y: r.y, width: r.width, height: r.height) }
        result.elements = spec.elements.map { element in
            switch element {
            case .shape(var e): e.frame = flip(e.frame); return .shape(e)
            case .image(var e):
                e.frame = flip(e.frame)
                e.alignment.x = 1 - e.alignment.x
                return .image(e)
            case .text(var e):
                e.frame = flip(e.frame)
                // Pango aligns right-to-left paragraphs from the right already, which is the
                // mirror we want; a left-to-right text (a Latin price) must flip by hand.
                if realigningText, !startsRightToLeft(e.text) {
                    switch e.style.alignment {
                    case .leading: e.style.alignment = .trailing
                    case .trailing: e.style.alignment = .leading
                    case .center: break
                    }
                }
                return .text(e)
            }
        }
        return result
    }
}
