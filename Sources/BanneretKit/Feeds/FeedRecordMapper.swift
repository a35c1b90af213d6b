import Foundation

/// Turns one feed record, whatever the file format, into a ``Product``:
/// Google Merchant Center field names, prices parsed, text cleaned. Errors
/// name the file, line and field.
enum FeedRecordMapper {
    static func product(from record: [String: Any], file: String, line: Int, defaultCurrency: String?) throws -> Product {
        func string(_ key: String) -> String? {
            switch record[key] {
            case let s as String: return s
            case let n as NSNumber: return n.stringValue
            default: return nil
            }
        }
        func required(_ key: String) throws -> String {
            guard let value = string(key).map({ TextNormalizer.clean(HTMLText.plain($0)) }), !value.isEmpty else {
                throw BanneretError(.feedField, "required field '\(key)' is missing or empty",
                                    at: Location(file: file, line: line, field: key))
            }
            return value
        }
        func money(_ key: String) throws -> Money? {
            guard let raw = string(key), !raw.isEmpty else { return nil }
            guard let value = PriceParser.parse(raw, defaultCurrency: defaultCurrency) else {
                throw BanneretError(.feedField, "'\(raw)' is not a price; write e.g. '12.00 USD' or '₩12,900'"
                                    + (defaultCurrency == nil ? ", or give the feed's currency with --currency" : ""),
                                    at: Location(file: file, line: line, field: key))
            }
            return value
        }
        let known: Set<String> = ["id", "title", "description", "link", "image_link", "additional_image_link",
                                  "price", "sale_price", "brand", "availability", "product_type", "language"]
        var extra: [String: String] = [:]
        for key in record.keys where !known.contains(key) {
            if let value = string(key) { extra[key] = TextNormalizer.clean(value) }
        }
        let additional: [String] = switch record["additional_image_link"] {
        case let list as [String]: list
        case let single as String: single.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        default: []
        }
        return Product(id: try required("id"), title: try required("title"),
                       description: string("description").map { TextNormalizer.clean(HTMLText.plain($0)) } ?? "",
                       link: string("link"), imageLink: string("image_link"), additionalImageLinks: additional,
                       price: try money("price"), salePrice: try money("sale_price"),
                       brand: string("brand").map(TextNormalizer.clean), availability: string("availability"),
                       productType: string("product_type"), language: string("language") ?? "en", extra: extra)
    }
}
