/// The headline text of each copy variant, derived from the product's own
/// fields: nothing is invented, so every claim stays the merchant's.
enum VariantCopy {
    /// Separators after which a title only qualifies (colour, size, model).
    private static let qualifiers = [" – ", " — ", " - ", " | ", ", ", " (", " / ", " · "]
    static let longestBenefit = 70

    /// nil when the variant does not apply (no description sentence, no sale, or
    /// the short title is the full title), so it is not offered.
    static func headline(_ copy: Variant.Copy, product: Product) -> String? {
        switch copy {
        case .fullTitle: return product.title
        case .shortTitle:
            let short = shortTitle(product.title)
            return short == product.title ? nil : short
        case .benefit:
            guard let sentence = firstSentence(product.description), sentence.count <= longestBenefit,
                  sentence.split(separator: " ").count >= 3 else { return nil }
            return sentence
        case .priceLed:
            // Right-to-left headlines would put a leading "−20%" at the wrong end; not offered there.
            guard let percent = product.discountPercent, !RightToLeft.isRightToLeft(product.language) else { return nil }
            return "−\(percent)% \(shortTitle(product.title))"
        }
    }

    static func shortTitle(_ title: String) -> String {
        var best = title
        for separator in qualifiers {
            if let range = title.range(of: separator) {
                let head = String(title[..<range.lowerBound])
                // Keep at least two words or eight characters: "Mug" alone says too little.
                if head.count < best.count, head.count >= 8 || head.split(separator: " ").count >= 2 { best = head }
            }
        }
        return best
    }

    static func firstSentence(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return nil }
        if let end = trimmed.firstIndex(where: { ".!?。！？".contains($0) }) {
            return String(trimmed[...end]).trimmingCharacters(in: .whitespaces)
        }
        return trimmed
    }
}
