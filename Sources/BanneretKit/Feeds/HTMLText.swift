/// Plain text from the HTML that shop descriptions carry: tags dropped
/// (each becomes a space so words do not run together), `<script>` and
/// `<style>` dropped with their content, entities decoded. Tolerates the
/// malformed markup real exports have (`<p>` never closed, `<ul>` where
/// `</ul>` was meant, a bare `<` in "size < 10"). Linear in the input
/// however hostile: every look-ahead is bounded.
enum HTMLText {
    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "ndash": "–", "mdash": "—",
        "hellip": "…", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "euro": "€", "copy": "©", "reg": "®",
        "trade": "™", "deg": "°", "times": "×", "laquo": "«", "raquo": "»", "bull": "•", "middot": "·",
    ]

    /// A `<` further than this from its `>` is text, not a tag.
    private static let longestTag = 2_000
    private static let longestEntity = 12

    static func plain(_ html: String) -> String {
        var needsWork = false
        for byte in html.utf8 where byte == UInt8(ascii: "<") || byte == UInt8(ascii: "&") {
            needsWork = true
            break
        }
        guard needsWork else { return html }
        var input = html
        return input.withUTF8 { String(decoding: strip($0), as: UTF8.self) }
    }

    private static func strip(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), let end = tagEnd(bytes, from: index) {
                output.append(0x20)
                let name = tagName(bytes, from: index + 1, to: end)
                index = end + 1
                if name == "script" || name == "style" { index = skipElementContent(bytes, from: index, name: name) }
            } else if byte == UInt8(ascii: "&"), let (decoded, end) = entity(bytes, from: index) {
                output += decoded.utf8
                index = end + 1
            } else {
                output.append(byte)
                index += 1
            }
        }
        return output
    }

    /// Index of the `>` closing a tag that starts at `start`, if it is one.
    private static func tagEnd(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start + 1 < bytes.count else { return nil }
        let next = bytes[start + 1]
        let isLetter = (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z")
        guard isLetter || next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || next == UInt8(ascii: "?") else { return nil }
        var index = start + 2
        let limit = min(bytes.count, start + longestTag)
        while index < limit {
            if bytes[index] == UInt8(ascii: ">") { return index }
            if bytes[index] == UInt8(ascii: "<") { return nil }
            index += 1
        }
        return nil
    }

    private static func tagName(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> String {
        var name: [UInt8] = []
        var index = start
        while index < end, name.count < 8 {
            let lower = bytes[index] | 0x20
            guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z") else { break }
            name.append(lower)
            index += 1
        }
        return String(decoding: name, as: UTF8.self)
    }

    /// Past the `</name>` that ends a script or style element, or the end.
    private static func skipElementContent(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, name: String) -> Int {
        let closing = Array("</\(name)".utf8)
        var index = start
        while index + closing.count <= bytes.count {
            if bytes[index] == UInt8(ascii: "<"),
               zip(closing, bytes[index ..< index + closing.count]).allSatisfy({ $0 == ($1 | ($1 >= 0x41 && $1 <= 0x5A ? 0x20 : 0)) }) {
                return tagEnd(bytes, from: index).map { $0 + 1 } ?? bytes.count
            }
            index += 1
        }
        return bytes.count
    }

    private static func entity(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (String, Int)? {
        let limit = min(bytes.count, start + longestEntity)
        var index = start + 1
        while index < limit, bytes[index] != UInt8(ascii: ";") {
            if bytes[index] == UInt8(ascii: "&") || bytes[index] == 0x20 { return nil }
            index += 1
        }
        guard index < limit, index > start + 1 else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1) ..< index]), as: UTF8.self)
        return decode(name).map { ($0, index) }
    }

    private static func decode(_ name: String) -> String? {
        if name.hasPrefix("#x") || name.hasPrefix("#X"), let value = UInt32(name.dropFirst(2), radix: 16) {
            return Unicode.Scalar(value).map { String(Character($0)) }
        }
        if name.hasPrefix("#"), let value = UInt32(name.dropFirst()) {
            return Unicode.Scalar(value).map { String(Character($0)) }
        }
        return entities[name]
    }
}
