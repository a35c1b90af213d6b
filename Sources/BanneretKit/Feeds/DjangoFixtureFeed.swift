/// Products from a Django fixture export (`[{"model", "pk", "fields"}, …]`),
/// as Saleor and other Django shops dump their catalogue.
///
/// Such a file is not a flat feed: a product's price lives on its variant's
/// channel listing, its category and pictures in rows of their own. The rows
/// are joined here: each `product.product` becomes one record (default
/// variant's price in the preferred currency, discounted price as the sale
/// price, first picture, category name); every other row is either part of
/// such a product or is counted in one notice, so no row goes unaccounted.
enum DjangoFixtureFeed {
    struct Row {
        var model: String
        var pk: String
        var fields: [String: FeedValue]
        var line: Int
    }

    /// A fixture row, or nil when `fields` does not look like one.
    static func row(_ fields: FeedFields, line: Int) -> Row? {
        guard let model = fields["model"]?.text, let pk = fields["pk"]?.text,
              case .object(let members)? = fields["fields"] else { return nil }
        return Row(model: model, pk: pk, fields: members, line: line)
    }

    static func events(from all: [Row], file: String, preferredCurrency: String?) -> [FeedEvent] {
        var byModel: [String: [Row]] = [:]
        for row in all { byModel[row.model, default: []].append(row) }
        func rows(_ model: String) -> [Row] { byModel[model] ?? [] }
        let categories = Dictionary(rows("product.category").map { ($0.pk, $0.fields["name"]?.text ?? "") }) { a, _ in a }
        let variantsByProduct = Dictionary(grouping: rows("product.productvariant")) { $0.fields["product"]?.text ?? "" }
        let listingsByVariant = Dictionary(grouping: rows("product.productvariantchannellisting")) { $0.fields["variant"]?.text ?? "" }
        let mediaByProduct = Dictionary(grouping: rows("product.productmedia")) { $0.fields["product"]?.text ?? "" }
        let wanted = preferredCurrency ?? "USD"

        var events: [FeedEvent] = []
        var joined = 0
        for product in rows("product.product") {
            var fields = FeedFields()
            fields["id"] = .string(product.pk)
            fields["title"] = product.fields["name"] ?? .null
            if let plain = product.fields["description_plaintext"]?.text, !plain.isEmpty {
                fields["description"] = .string(plain)
            } else if let blocks = product.fields["description"]?["blocks"], case .array(let list) = blocks {
                // Editor.js: paragraphs carry inline HTML, cleaned later with every other description.
                fields["description"] = .string(list.compactMap { $0["data"]?["text"]?.text }.joined(separator: " "))
            }
            if let category = product.fields["category"]?.text, let name = categories[category] {
                fields["product_type"] = .string(name)
                joined += 1
            }
            if let slug = product.fields["slug"]?.text { fields["slug"] = .string(slug) }
            let variants = (variantsByProduct[product.pk] ?? []).sorted { variantOrder($0) < variantOrder($1) }
            joined += variants.count
            for variant in variants { joined += listingsByVariant[variant.pk]?.count ?? 0 }
            let listings = variants.first.flatMap { listingsByVariant[$0.pk] } ?? []
            if let listing = listings.first(where: { $0.fields["currency"]?.text == wanted }) ?? listings.first,
               let currency = listing.fields["currency"]?.text, let amount = listing.fields["price_amount"]?.text {
                fields["price"] = .string("\(amount) \(currency)")
                if let discounted = listing.fields["discounted_price_amount"]?.text, discounted != amount {
                    fields["sale_price"] = .string("\(discounted) \(currency)")
                }
            }
            let media = (mediaByProduct[product.pk] ?? []).sorted { ($0.fields["sort_order"]?.text ?? "") < ($1.fields["sort_order"]?.text ?? "") }
            joined += media.count
            let images = media.compactMap { $0.fields["image"]?.text ?? $0.fields["external_url"]?.text }.filter { !$0.isEmpty }
            if !images.isEmpty { fields["image_link"] = .array(images.map(FeedValue.string)) }
            events.append(.record(FeedRecord(fields: fields, line: product.line), offset: 0))
        }
        let products = rows("product.product").count
        let other = all.count - products - joined
        events.append(.notice(BanneretError(
            .feedNotice, "a Django fixture, not a flat feed: \(products) product rows joined with \(joined) rows of their "
                + "variants, prices, pictures and categories; \(other) rows of other models (pages, menus, stock…) hold no products",
            at: Location(file: file))))
        return events
    }

    /// The default variant first, then by sort order.
    private static func variantOrder(_ row: Row) -> (Int, Int) {
        (row.fields["default"] == .bool(true) ? 0 : 1, Int(row.fields["sort_order"]?.text ?? "") ?? Int.max)
    }
}
