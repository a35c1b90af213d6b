/// What laying out one banner needs beyond the template: the product, the
/// brand, the size, and facts about the images already decoded.
struct LayoutInput {
    var product: Product
    var brand: BrandGuide
    var size: BannerSize
    /// Absolute path of the product image, if the product has one.
    var imagePath: String?
    /// A photo with its own background (no transparency) may cover its frame.
    var imageIsOpaque: Bool
    /// Width / height of the product image after trimming.
    var imageAspectRatio: Double
    /// Absolute paths of the brand's logo variants.
    var logoForLightBackground: String?
    var logoForDarkBackground: String?
    /// Width / height of the logo after trimming.
    var logoAspectRatio: Double
    /// The design choices this banner is rendered with.
    var variant: Variant = .standard
    /// A catalogue grid's other products, in order: items 2, 3 and 4.
    var companions: [LayoutInput] = []

    /// What an element showing product `item` of the group sees; nil when
    /// the group has no such product (the element is then absent).
    func forItem(_ item: Int?) -> LayoutInput? {
        guard let item, item > 1 else { return self }
        return companions.indices.contains(item - 2) ? companions[item - 2] : nil
    }
}
