import Foundation

/// Reads products from a JSON array of objects or from JSON Lines (one object
/// per line; `.json` files are often really JSONL). Keys follow Google
/// Merchant Center (`id`, `title`, `image_link`, `sale_price`, …).
public enum JSONFeedReader {
    public static func read(contentsOf url: URL) throws -> FeedReadResult {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BanneretError(.feedMissing, "feed file not found or unreadable", at: Location(file: url.path))
        }
        return try read(data, file: url.path)
    }

    public static func read(_ data: Data, file: String) throws -> FeedReadResult {
        guard let text = String(data: data, encoding: .utf8) else {
            throw BanneretError(.feedSyntax, "feed is not UTF-8 text", at: Location(file: file))
        }
        let body = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        let firstCharacter = body.first { !$0.isWhitespace }
        var products: [Product] = []
        var lines: [Int] = []
        var errors: [BanneretError] = []
        func take(_ object: Any, line: Int) {
            guard let record = object as? [String: Any] else {
                errors.append(BanneretError(.feedSyntax, "expected a JSON object per product", at: Location(file: file, line: line)))
                return
            }
            do {
                products.append(try product(from: record, file: file, line: line))
                lines.append(line)
            } catch let error as BanneretError {
                errors.append(error)
            } catch {
                errors.append(BanneretError(.feedField, "\(error)", at: Location(file: file, line: line)))
            }
        }
        if firstCharacter == "[" {
            let array: Any
            do {
                array = try JSONSerialization.jsonObject(with: Data(body.utf8))
            } catch {
                throw BanneretError(.feedSyntax, "invalid JSON: \(error.localizedDescription)", at: Location(file: file))
            }
            // A JSON array has no per-record line numbers without a position-
            // tracking parser; records are located by index instead.
            for (index, object) in ((array as? [Any]) ?? []).enumerated() { take(object, line: index + 1) }
        } else {
            for (index, line) in body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
                if trimmed.isEmpty { continue }
                guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) else {
                    errors.append(BanneretError(.feedSyntax, "line is not valid JSON", at: Location(file: file, line: index + 1)))
                    continue
                }
                take(object, line: index + 1)
            }
        }
        return FeedReadResult(products: products, lines: lines, errors: errors)
    }

    static func product(from record: [String: Any], file: String, line: Int) throws -> Product {
        func string(_ key: String) -> String? {
            switch record[key] {
            case let s as String: return s
            case let n as NSNumber: return n.stringValue
            default: return nil
            }
        }
        func required(_ key: String) throws -> String {
            guard let value = string(key).map(TextNormalizer.clean), !value.isEmpty else {
                throw BanneretError(.feedField, "required field '\(key)' is missing or empty",
                                    at: Location(file: file, line: line, field: key))
            }
            return value
        }
        func money(_ key: String) throws -> Money? {
            guard let raw = string(key), !raw.isEmpty else { return nil }
            guard let value = PriceParser.parse(raw) else {
                throw BanneretError(.feedField, "'\(raw)' is not a price; write e.g. '12.00 USD' or '₩12,900'",
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
                       description: string("description").map(TextNormalizer.clean) ?? "",
                       link: string("link"), imageLink: string("image_link"), additionalImageLinks: additional,
                       price: try money("price"), salePrice: try money("sale_price"),
                       brand: string("brand").map(TextNormalizer.clean), availability: string("availability"),
                       productType: string("product_type"), language: string("language") ?? "en", extra: extra)
    }
}
