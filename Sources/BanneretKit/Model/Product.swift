/// One product as the banners need it, whatever feed it came from.
/// Field names follow the Google Merchant Center specification.
public struct Product: Sendable, Hashable, Codable {
    public var id: String
    public var title: String
    public var description: String
    public var link: String?
    /// As written in the feed: a path relative to the feed, `file://` or `http(s)://`.
    public var imageLink: String?
    public var additionalImageLinks: [String]
    public var price: Money?
    public var salePrice: Money?
    public var brand: String?
    public var availability: String?
    public var productType: String?
    /// BCP 47 language of the product's text (`en`, `ko`, `ar-AE`); picks CTA copy and price format.
    public var language: String
    /// Any other column, reachable from templates by name.
    public var extra: [String: String]

    public init(id: String, title: String, description: String = "", link: String? = nil,
                imageLink: String? = nil, additionalImageLinks: [String] = [], price: Money? = nil,
                salePrice: Money? = nil, brand: String? = nil, availability: String? = nil,
                productType: String? = nil, language: String = "en", extra: [String: String] = [:]) {
        self.id = id
        self.title = title
        self.description = description
        self.link = link
        self.imageLink = imageLink
        self.additionalImageLinks = additionalImageLinks
        self.price = price
        self.salePrice = salePrice
        self.brand = brand
        self.availability = availability
        self.productType = productType
        self.language = language
        self.extra = extra
    }

    /// The first level of `product_type` ("Bags" of "Bags > Backpacks"), nil when there is none.
    public var category: String? {
        let first = productType?.split(separator: ">").first?.trimmingCharacters(in: .whitespaces) ?? ""
        return first.isEmpty ? nil : first
    }

    /// The saving shown on a badge, nil unless the sale price is really lower.
    public var discountPercent: Int? {
        guard let price, let salePrice else { return nil }
        return price.discountPercent(to: salePrice)
    }
}
