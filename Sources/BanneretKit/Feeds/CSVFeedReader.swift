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

/// RFC 4180 records, one at a time, with the line each starts on. Scans
/// UTF-8 bytes (every byte it looks for is ASCII, so multi-byte characters
/// pass through untouched) and decodes each cell once: Character-by-
/// Character scanning was four times slower.
struct CSVRows {
    private let bytes: [UInt8]
    private let delimiter: UInt8
    private var index = 0
    private var line = 1

    init(text: String, delimiter: Character) {
        bytes = Array(text.utf8)
        self.delimiter = delimiter.asciiValue ?? UInt8(ascii: ",")
    }

    mutating func next(file: String) throws -> (cells: [String], line: Int)? {
        guard index < bytes.count else { return nil }
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r")
        let startLine = line
        var cells: [String] = []
        var cell: [UInt8] = []
        var cellStart = index
        var plain = true   // the cell so far is a plain slice of the input
        var quoted = false
        var cellWasQuoted = false
        func finishCell(end: Int) {
            cells.append(plain ? String(decoding: bytes[cellStart ..< end], as: UTF8.self) : String(decoding: cell, as: UTF8.self))
            cell.removeAll(keepingCapacity: true)
            plain = true
            cellWasQuoted = false
        }
        while index < bytes.count {
            let byte = bytes[index]
            if quoted {
                if byte == quote {
                    if index + 1 < bytes.count, bytes[index + 1] == quote {
                        cell.append(quote)
                        index += 2
                    } else {
                        quoted = false
                        index += 1
                    }
                    continue
                }
                if byte == newline { line += 1 }
                if byte == carriage, index + 1 < bytes.count, bytes[index + 1] == newline { index += 1; continue }
                cell.append(byte)
                index += 1
            } else if byte == quote, index == cellStart, !cellWasQuoted {
                quoted = true
                cellWasQuoted = true
                plain = false
                index += 1
            } else if byte == delimiter {
                finishCell(end: index)
                index += 1
                cellStart = index
            } else if byte == newline || byte == carriage {
                finishCell(end: index)
                if byte == carriage, index + 1 < bytes.count, bytes[index + 1] == newline { index += 1 }
                index += 1
                line += 1
                return (cells, startLine)
            } else {
                if !plain { cell.append(byte) }
                index += 1
            }
        }
        if quoted {
            throw BanneretError(.feedSyntax, "a quoted cell opened here is never closed", at: Location(file: file, line: startLine))
        }
        finishCell(end: index)
        return (cells, startLine)
    }
}
