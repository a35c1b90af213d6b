import Foundation

/// Reads products from a JSON array of objects or from JSON Lines (one object
/// per line; `.json` files are often really JSONL). Keys follow Google
/// Merchant Center (`id`, `title`, `image_link`, `sale_price`, …).
public enum JSONFeedReader {
    public static func read(contentsOf url: URL, defaultCurrency: String? = nil) throws -> FeedReadResult {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw BanneretError(.feedMissing, "feed file not found or unreadable", at: Location(file: url.path))
        }
        return try read(data, file: url.path, defaultCurrency: defaultCurrency)
    }

    public static func read(_ data: Data, file: String, defaultCurrency: String? = nil) throws -> FeedReadResult {
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
                products.append(try FeedRecordMapper.product(from: record, file: file, line: line, defaultCurrency: defaultCurrency))
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
}
