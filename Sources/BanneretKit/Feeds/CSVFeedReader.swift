import Foundation

/// Reads CSV and TSV feeds as shops export them: a BOM, `,` `;` or tab
/// delimiters (detected from the header), quoted cells with doubled quotes
/// and line breaks inside them, CRLF. Column names from Google Merchant
/// Center TSV, Shopify, WooCommerce and Magento exports map to the same
/// product fields; every other column stays reachable by name.
public enum CSVFeedReader {
    /// Export column names → Google Merchant Center field names.
    static let aliases: [String: String] = [
        // Shopify
        "handle": "id", "body (html)": "description", "vendor": "brand", "variant price": "price",
        "variant compare at price": "compare_at_price", "image src": "image_link", "type": "product_type",
        // WooCommerce
        "sku": "id", "name": "title", "regular price": "price", "sale price": "sale_price", "images": "image_link",
        "short description": "short_description", "categories": "product_type",
        // Magento
        "special_price": "sale_price", "category": "product_type",
        // Merchant Center variants
        "image link": "image_link", "sale price ": "sale_price", "additional image link": "additional_image_link",
        "product type": "product_type", "google product category": "google_product_category",
    ]

    public static func read(_ data: Data, file: String, defaultCurrency: String? = nil) throws -> FeedReadResult {
        guard var text = String(data: data, encoding: .utf8) else {
            throw BanneretError(.feedSyntax, "feed is not UTF-8 text", at: Location(file: file))
        }
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let delimiter = detectDelimiter(text)
        var rows = CSVRows(text: text, delimiter: delimiter)
        guard let header = try rows.next(file: file) else {
            throw BanneretError(.feedSyntax, "the feed is empty", at: Location(file: file))
        }
        let columns = header.cells.map { name -> String in
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            return aliases[key] ?? key.replacingOccurrences(of: " ", with: "_")
        }
        var products: [Product] = []
        var lines: [Int] = []
        var errors: [BanneretError] = []
        while let row = try rows.next(file: file) {
            if row.cells.allSatisfy({ $0.isEmpty }) { continue }
            guard row.cells.count == columns.count else {
                errors.append(BanneretError(.feedSyntax, "\(row.cells.count) cells where the header has \(columns.count)",
                                            at: Location(file: file, line: row.line)))
                continue
            }
            var record: [String: Any] = [:]
            for (column, cell) in zip(columns, row.cells) where record[column] == nil || !(cell.isEmpty) {
                record[column] = cell
            }
            // Shopify: "Compare at" is the regular price and "Variant Price" the price paid.
            if let compare = record["compare_at_price"] as? String, !compare.isEmpty {
                record["sale_price"] = record["price"]
                record["price"] = compare
            }
            // WooCommerce lists images comma-separated in one cell.
            if let images = record["image_link"] as? String, images.contains(",") {
                let list = images.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                record["image_link"] = list.first
                record["additional_image_link"] = Array(list.dropFirst())
            }
            do {
                products.append(try FeedRecordMapper.product(from: record, file: file, line: row.line,
                                                             defaultCurrency: defaultCurrency))
                lines.append(row.line)
            } catch let error as BanneretError {
                errors.append(error)
            }
        }
        return FeedReadResult(products: products, lines: lines, errors: errors)
    }

    /// The candidate that appears most often in the header line, outside quotes.
    static func detectDelimiter(_ text: String) -> Character {
        var counts: [Character: Int] = [",": 0, ";": 0, "\t": 0]
        var quoted = false
        for character in text {
            if character == "\"" { quoted.toggle() }
            if !quoted, character == "\n" || character == "\r\n" { break }
            if !quoted, counts[character] != nil { counts[character]! += 1 }
        }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key == "," }!.key
    }
}

/// RFC 4180 records, one at a time, with the line each starts on.
struct CSVRows {
    private let scalars: [Character]
    private let delimiter: Character
    private var index = 0
    private var line = 1

    init(text: String, delimiter: Character) {
        scalars = Array(text)
        self.delimiter = delimiter
    }

    mutating func next(file: String) throws -> (cells: [String], line: Int)? {
        guard index < scalars.count else { return nil }
        let startLine = line
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var cellWasQuoted = false
        while index < scalars.count {
            let character = scalars[index]
            index += 1
            if quoted {
                if character == "\"" {
                    if index < scalars.count, scalars[index] == "\"" {
                        cell.append("\"")
                        index += 1
                    } else {
                        quoted = false
                    }
                } else {
                    if character == "\n" || character == "\r\n" { line += 1 }
                    cell.append(character == "\r\n" ? "\n" : character)
                }
            } else if character == "\"", cell.isEmpty, !cellWasQuoted {
                quoted = true
                cellWasQuoted = true
            } else if character == delimiter {
                cells.append(cell)
                cell = ""
                cellWasQuoted = false
            } else if character == "\n" || character == "\r\n" || character == "\r" {
                line += 1
                cells.append(cell)
                return (cells, startLine)
            } else {
                cell.append(character)
            }
        }
        if quoted {
            throw BanneretError(.feedSyntax, "a quoted cell opened here is never closed", at: Location(file: file, line: startLine))
        }
        cells.append(cell)
        return (cells, startLine)
    }
}
