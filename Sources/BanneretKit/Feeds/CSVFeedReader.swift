/// Reads CSV and TSV feeds as shops export them: a BOM, `,` `;` or tab
/// delimiters (detected from the header), quoted cells with doubled quotes
/// and line breaks inside them, CRLF. Column names from Google Merchant
/// Center TSV, Shopify, WooCommerce and Magento exports map to the same
/// product fields; every other column stays reachable by name.
enum CSVFeedReader {
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
        // Merchant Center TSV headers written with spaces
        "image link": "image_link", "additional image link": "additional_image_link",
        "product type": "product_type", "google product category": "google_product_category",
    ]

    static func records(_ bytes: UnsafeBufferPointer<UInt8>, file: String, emit: (FeedEvent) -> Void) throws(BanneretError) {
        var rows = CSVRows(bytes: bytes, delimiter: detectDelimiter(bytes))
        guard let header = try rows.next(file: file) else {
            throw BanneretError(.feedSyntax, "the feed is empty", at: Location(file: file))
        }
        let columns = header.cells.map { name -> String in
            let key = name.trimmingCharacters(in: .whitespaces).lowercased()
            return aliases[key] ?? key.replacingOccurrences(of: " ", with: "_")
        }
        // Where two columns mean the same field (WooCommerce's ID and SKU), the later non-empty one wins.
        while true {
            let row: CSVRows.Row
            do {
                guard let next = try rows.next(file: file) else { break }
                row = next
            } catch {
                emit(.error(error, offset: bytes.count))
                break
            }
            if row.cells.allSatisfy(\.isEmpty) { continue }
            guard row.cells.count == columns.count else {
                emit(.error(BanneretError(.feedSyntax, "\(row.cells.count) cells where the header has \(columns.count)",
                                          at: Location(file: file, line: row.line)), offset: rows.offset))
                continue
            }
            if let bad = row.invalidCell {
                emit(.error(BanneretError(.feedEncoding, "the cell holds bytes that are not UTF-8",
                                          at: Location(file: file, line: row.line, field: columns[bad])), offset: rows.offset))
                continue
            }
            var fields = FeedFields()
            fields.reserveCapacity(columns.count)
            for (column, cell) in zip(columns, row.cells) where fields[column] == nil || !cell.isEmpty {
                fields[column] = .string(cell)
            }
            // Shopify: "Compare at" is the regular price and "Variant Price" the price paid.
            if let compare = fields["compare_at_price"]?.text, !compare.isEmpty {
                fields["sale_price"] = fields["price"]
                fields["price"] = .string(compare)
            }
            emit(.record(FeedRecord(fields: fields, line: row.line), offset: rows.offset))
        }
    }

    /// The candidate that appears most often in the header line, outside quotes.
    static func detectDelimiter(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in bytes.prefix(1 << 20) {
            if byte == UInt8(ascii: "\"") { quoted.toggle() }
            if !quoted, byte == 0x0A || byte == 0x0D { break }
            if !quoted, let count = counts[byte] { counts[byte] = count + 1 }
        }
        return counts.max { a, b in a.value != b.value ? a.value < b.value : a.key == UInt8(ascii: ",") }!.key
    }
}

/// RFC 4180 records, one at a time, with the line each starts on. Scans
/// UTF-8 bytes (every byte it looks for is ASCII, so multi-byte characters
/// pass through untouched) and decodes each cell once.
struct CSVRows {
    struct Row {
        var cells: [String]
        var line: Int
        /// The first cell whose bytes are not UTF-8.
        var invalidCell: Int?
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let delimiter: UInt8
    private(set) var offset = 0
    private var line = 1

    init(bytes: UnsafeBufferPointer<UInt8>, delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
    }

    mutating func next(file: String) throws(BanneretError) -> Row? {
        guard offset < bytes.count else { return nil }
        let quote = UInt8(ascii: "\""), newline = UInt8(ascii: "\n"), carriage = UInt8(ascii: "\r")
        var row = Row(cells: [], line: line)
        var cell: [UInt8] = []
        var cellStart = offset
        var plain = true   // the cell so far is a plain slice of the input
        var quoted = false
        var cellWasQuoted = false
        func finishCell(end: Int) {
            let decoded = plain ? UTF8Text.decode(UnsafeBufferPointer(rebasing: bytes[cellStart ..< end])) : UTF8Text.decode(cell)
            if decoded == nil, row.invalidCell == nil { row.invalidCell = row.cells.count }
            row.cells.append(decoded ?? "")
            cell.removeAll(keepingCapacity: true)
            plain = true
            cellWasQuoted = false
        }
        while offset < bytes.count {
            let byte = bytes[offset]
            if quoted {
                if byte == quote {
                    if offset + 1 < bytes.count, bytes[offset + 1] == quote {
                        cell.append(quote)
                        offset += 2
                    } else {
                        quoted = false
                        offset += 1
                    }
                    continue
                }
                if byte == newline { line += 1 }
                if byte == carriage, offset + 1 < bytes.count, bytes[offset + 1] == newline { offset += 1; continue }
                cell.append(byte)
                offset += 1
            } else if byte == quote, offset == cellStart, !cellWasQuoted {
                quoted = true
                cellWasQuoted = true
                plain = false
                offset += 1
            } else if byte == delimiter {
                finishCell(end: offset)
                offset += 1
                cellStart = offset
            } else if byte == newline || byte == carriage {
                finishCell(end: offset)
                if byte == carriage, offset + 1 < bytes.count, bytes[offset + 1] == newline { offset += 1 }
                offset += 1
                line += 1
                return row
            } else {
                if !plain { cell.append(byte) }
                offset += 1
            }
        }
        if quoted {
            throw BanneretError(.feedSyntax, "a quoted cell opened here is never closed", at: Location(file: file, line: row.line))
        }
        finishCell(end: offset)
        return row
    }
}
