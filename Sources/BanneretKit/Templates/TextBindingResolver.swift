/// The words a text element shows for a product.
enum TextBindingResolver {
    static func text(for binding: TextBinding, input: LayoutInput) -> String? {
        let product = input.product
        let formatter = PriceFormatter(language: product.language)
        switch binding {
        case .title:
            let title = VariantCopy.headline(input.variant.copy, product: product) ?? product.title
            guard let limit = input.brand.maximumHeadlineCharacters, title.count > limit else { return title }
            // The brand's copy rule: cut at the last word that fits, and say so with an ellipsis.
            let cut = title.prefix(limit)
            let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
            return atWord.trimmingCharacters(in: .whitespaces) + "…"
        case .description: return product.description.isEmpty ? nil : product.description
        case .price:
            // The price a shopper pays: the sale price when it is a real discount.
            let current = product.discountPercent != nil ? product.salePrice : product.price
            return current.map(formatter.format)
        case .oldPrice: return product.discountPercent != nil ? product.price.map(formatter.format) : nil
        case .discount: return product.discountPercent.map { "-\($0)%" }
        case .cta:
            let allowed = input.brand.allowedCTAs(language: product.language)
            return allowed.indices.contains(input.variant.ctaIndex) ? allowed[input.variant.ctaIndex] : allowed.first
        case .brand: return product.brand
        case .category: return product.category
        case .literal(let text): return text
        case .field(let name): return product.extra[name].flatMap { $0.isEmpty ? nil : $0 }
        }
    }
}
