/// Plain text from the HTML that shop descriptions carry: tags dropped
/// (block tags become spaces so words do not run together), entities
/// decoded. Tolerates the malformed markup real exports have (`<p>` never
/// closed, `<ul>` where `</ul>` was meant).
enum HTMLText {
    static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": "\u{00A0}", "ndash": "–", "mdash": "—",
        "hellip": "…", "rsquo": "’", "lsquo": "‘", "rdquo": "”", "ldquo": "“", "euro": "€", "copy": "©", "reg": "®",
        "trade": "™", "deg": "°", "times": "×",
    ]

    static func plain(_ html: String) -> String {
        guard html.contains("<") || html.contains("&") else { return html }
        var result = ""
        var index = html.startIndex
        while index < html.endIndex {
            let character = html[index]
            if character == "<", let close = html[index...].firstIndex(of: ">"),
               html[html.index(after: index)...].first.map({ $0.isLetter || $0 == "/" || $0 == "!" }) == true {
                result.append(" ")
                index = html.index(after: close)
            } else if character == "&", let semicolon = html[index...].prefix(12).firstIndex(of: ";") {
                let name = String(html[html.index(after: index) ..< semicolon])
                if let decoded = decode(name) {
                    result += decoded
                    index = html.index(after: semicolon)
                } else {
                    result.append(character)
                    index = html.index(after: index)
                }
            } else {
                result.append(character)
                index = html.index(after: index)
            }
        }
        return result
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
