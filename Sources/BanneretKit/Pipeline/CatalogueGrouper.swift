/// Forms a catalogue grid's groups as the feed streams past: products that
/// share a language, a currency and a category (the first level of
/// `product_type`, "Bags" of "Bags > Backpacks") and have a picture, in feed
/// order, `size` at a time, and at the end the 2 or more left in a category.
/// Every shard reads the whole feed, so every shard forms the same groups;
/// the shard owning a group's first product renders it. Memory stays
/// bounded by the number of categories times `size`.
struct CatalogueGrouper {
    let size: Int
    private var pending: [String: [(product: Product, line: Int)]] = [:]
    private var order: [String] = []

    init(size: Int) {
        self.size = size
    }

    /// Adds one product; returns a group when it completes one.
    mutating func add(_ product: Product, line: Int) -> [(product: Product, line: Int)]? {
        guard product.imageLink != nil else { return nil }   // a grid cell without a picture says nothing
        let key = Self.key(of: product)
        if pending[key] == nil { order.append(key) }
        pending[key, default: []].append((product, line))
        guard pending[key]!.count == size else { return nil }
        defer { pending[key] = [] }
        return pending[key]
    }

    /// At the end of the feed: each category's last products, when at least
    /// two are left, as a smaller grid (the template lets the missing cells
    /// go), in the order the categories first appeared.
    func remainders() -> [[(product: Product, line: Int)]] {
        order.compactMap { key in pending[key].flatMap { $0.count >= 2 ? $0 : nil } }
    }

    /// Categories left with one product, which makes no grid.
    var loners: [String] {
        order.filter { pending[$0]?.count == 1 }
    }

    static func key(of product: Product) -> String {
        let currency = (product.salePrice ?? product.price)?.currency ?? ""
        let language = product.language.lowercased().split(separator: "-").first.map(String.init) ?? ""
        return "\(product.category ?? "(no product_type)") · \(language) · \(currency)"
    }
}
