import Foundation

/// Turns one feed record, whatever the file format, into a ``Product``.
///
/// Field names follow Google Merchant Center (`image_link`, `sale_price`);
/// the Content API's camelCase (`imageLink`, `offerId`, price objects) and
/// the Cloud Retail API's `Product` (`priceInfo`, `brands`, `images`) map to
/// the same fields. Text is cleaned, prices parsed exactly; errors name the
/// file, line and field.
enum FeedRecordMapper {
    /// Longest title accepted. Merchant Center allows 150 characters; beyond
    /// this the field is junk, and shaping cost grows with length.
    static let maximumTitleCharacters = 500
    /// Descriptions only feed benefit lines; longer ones are cut at a word.
    static let maximumDescriptionCharacters = 5_000

    /// Content API names → Merchant Center names.
    private static let camelCase: [String: String] = [
        "offerId": "id", "imageLink": "image_link", "additionalImageLinks": "additional_image_link",
        "salePrice": "sale_price", "productType": "product_type", "productTypes": "product_type",
        "googleProductCategory": "google_product_category", "contentLanguage": "language",
        "customLabel0": "custom_label_0", "customLabel1": "custom_label_1", "customLabel2": "custom_label_2",
        "customLabel3": "custom_label_3", "customLabel4": "custom_label_4",
    ]

    private static let known: Set<String> = [
        "id", "title", "description", "link", "image_link", "additional_image_link", "price", "sale_price",
        "brand", "availability", "product_type", "language",
    ]

    static func product(from record: FeedRecord, file: String, defaultCurrency: String?) throws(BanneretError) -> Product {
        var fields = record.fields
        // Only camelCase keys need renaming; Merchant Center feeds have none.
        for key in fields.names where key.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) {
            if let canonical = camelCase[key], fields[canonical] == nil { fields[canonical] = fields.removeValue(forKey: key) }
        }
        if case .object(let info)? = fields["priceInfo"] { adoptRetailPrice(info, into: &fields) }
        let line = record.line
        func location(_ field: String) -> Location { Location(file: file, line: line, field: field) }

        func text(_ key: String) throws(BanneretError) -> String? {
            guard let value = fields[key] else { return nil }
            switch value {
            case .array(let values): return values.first?.text
            default: return value.text
            }
        }
        func cleaned(_ key: String) throws(BanneretError) -> String? {
            try text(key).map { TextNormalizer.clean(HTMLText.plain($0)) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        func required(_ key: String) throws(BanneretError) -> String {
            guard let value = try cleaned(key) else {
                throw BanneretError(.feedField, "required field '\(key)' is missing or empty", at: location(key))
            }
            return value
        }
        func money(_ key: String) throws(BanneretError) -> Money? {
            guard let parsed = try parsedMoney(key) else { return nil }
            // A banner showing "−$5.00" is never what a feed meant.
            guard parsed.amount >= 0 else {
                throw BanneretError(.feedField, "the price \(parsed.amount) \(parsed.currency) is negative", at: location(key))
            }
            return parsed
        }
        func parsedMoney(_ key: String) throws(BanneretError) -> Money? {
            guard let value = fields[key] else { return nil }
            // Content API: {"value": "12.00", "currency": "USD"}.
            if case .object(let parts) = value {
                guard let amount = (parts["value"] ?? parts["amount"])?.text,
                      let currency = (parts["currency"] ?? parts["currencyCode"])?.text,
                      let money = PriceParser.parse(amount + " " + currency) else {
                    throw BanneretError(.feedField, "a price object needs 'value' and 'currency'", at: location(key))
                }
                return money
            }
            guard let raw = value.text, !raw.isEmpty else { return nil }
            guard let money = PriceParser.parse(raw, defaultCurrency: defaultCurrency) else {
                throw BanneretError(.feedField, "'\(raw.prefix(40))' is not a price; write e.g. '12.00 USD' or '₩12,900'"
                                    + (defaultCurrency == nil ? ", or give the feed's currency with --currency" : ""),
                                    at: location(key))
            }
            return money
        }

        let id = try required("id")
        let title = try required("title")
        let titleLength = title.unicodeScalars.count
        if titleLength > maximumTitleCharacters {
            throw BanneretError(.textTooLong, "the title is \(titleLength) characters; at most \(maximumTitleCharacters) are accepted",
                                at: location("title"))
        }
        var images = (fields["image_link"]?.texts ?? []) + (fields["additional_image_link"]?.texts ?? [])
        // WooCommerce and some exports list several images comma-separated in one cell.
        if images.contains(where: { $0.utf8.contains(UInt8(ascii: ",")) || $0.utf8.first == 0x20 || $0.utf8.last == 0x20 }) {
            images = images.flatMap { $0.hasPrefix("data:") ? [$0] : $0.split(separator: ",").map(String.init) }
                .map { $0.trimmingCharacters(in: .whitespaces) }
        }
        // An empty cell is no picture, not a path to the feed's own folder.
        images.removeAll { $0.isEmpty }
        var extra: [String: String] = [:]
        for (key, value) in fields where !known.contains(key) { flatten(value, as: key, into: &extra, depth: 0) }
        return Product(id: id, title: title,
                       description: try cleaned("description").map(shortened) ?? "",
                       link: try text("link"), imageLink: images.first, additionalImageLinks: Array(images.dropFirst()),
                       price: try money("price"), salePrice: try money("sale_price"),
                       brand: try cleaned("brand"), availability: try text("availability").map(availability),
                       productType: try cleaned("product_type"), language: try text("language") ?? "en", extra: extra)
    }

    /// Cloud Retail API: `priceInfo.price` is paid, `originalPrice` is the
    /// price before a discount; `brands`, `categories`, `images[].uri`, `uri`.
    private static func adoptRetailPrice(_ info: [String: FeedValue], into fields: inout FeedFields) {
        fields["priceInfo"] = nil
        let currency = info["currencyCode"]?.text ?? ""
        guard let paid = info["price"]?.text else { return }
        if let original = info["originalPrice"]?.text,
           let before = Decimal(string: original, locale: Locale(identifier: "en_US_POSIX")),
           let now = Decimal(string: paid, locale: Locale(identifier: "en_US_POSIX")), before > now {
            fields["price"] = .string("\(original) \(currency)")
            fields["sale_price"] = .string("\(paid) \(currency)")
        } else {
            fields["price"] = .string("\(paid) \(currency)")
        }
        if fields["brand"] == nil, let brands = fields.removeValue(forKey: "brands") { fields["brand"] = brands }
        if fields["product_type"] == nil, let categories = fields.removeValue(forKey: "categories") { fields["product_type"] = categories }
        if fields["image_link"] == nil, case .array(let images)? = fields.removeValue(forKey: "images") {
            fields["image_link"] = .array(images.compactMap { $0["uri"] })
        }
        if fields["link"] == nil, let uri = fields.removeValue(forKey: "uri") { fields["link"] = uri }
    }

    /// `IN_STOCK` (Retail API), `in stock` (old Merchant Center) → `in_stock`.
    private static func availability(_ raw: String) -> String {
        String(decoding: raw.utf8.map { $0 == 0x20 ? UInt8(ascii: "_") : $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    private static func shortened(_ description: String) -> String {
        guard description.unicodeScalars.count > maximumDescriptionCharacters else { return description }
        let cut = String(String.UnicodeScalarView(description.unicodeScalars.prefix(maximumDescriptionCharacters)))
        return (cut.lastIndex(of: " ").map { String(cut[..<$0]) } ?? cut) + "…"
    }

    /// Extra fields reachable from templates: nested objects by dotted path
    /// (`shipping.country`), lists joined with commas.
    private static func flatten(_ value: FeedValue, as key: String, into extra: inout [String: String], depth: Int) {
        switch value {
        case .object(let members):
            guard depth < 3 else { return }
            for (name, member) in members { flatten(member, as: key + "." + name, into: &extra, depth: depth + 1) }
        case .array:
            let texts = value.texts
            if !texts.isEmpty { extra[key] = TextNormalizer.clean(texts.joined(separator: ", ")) }
        case .null: return
        default:
            if let text = value.text { extra[key] = TextNormalizer.clean(text) }
        }
    }
}
