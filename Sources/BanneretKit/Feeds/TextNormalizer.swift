import Foundation

/// Cleans feed text for display: removes bidi marks and zero-width characters
/// that feeds carry invisibly (they break fitting and hashing), collapses
/// whitespace, and composes to NFC so `é` is one character however it came.
enum TextNormalizer {
    private static let invisible: Set<UInt32> = [
        0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x2060, 0xFEFF, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
        0x2066, 0x2067, 0x2068, 0x2069, 0x00AD,
    ]

    static func clean(_ text: String) -> String {
        var copy = text
        if let ascii = copy.withUTF8(cleanASCII) { return ascii }
        return cleanUnicode(text)
    }

    /// Most feed text is ASCII: collapse and trim its whitespace, drop its
    /// control characters, byte by byte (ASCII is already NFC). nil when the
    /// text is not ASCII.
    private static func cleanASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var clean = true
        var previousWasSpace = true
        for byte in bytes {
            if byte >= 0x80 { return nil }
            if byte == 0x20 {
                if previousWasSpace { clean = false }
                previousWasSpace = true
            } else if byte < 0x20 || byte == 0x7F {
                clean = false
            } else {
                previousWasSpace = false
            }
        }
        if clean, !previousWasSpace || bytes.isEmpty { return String(decoding: bytes, as: UTF8.self) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingSpace = false
        for byte in bytes {
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                pendingSpace = !output.isEmpty
            } else if byte < 0x20 || byte == 0x7F {
                continue
            } else {
                if pendingSpace { output.append(0x20) }
                pendingSpace = false
                output.append(byte)
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    private static func cleanUnicode(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            // ZWJ (200D) stays inside emoji sequences such as 👩‍💻.
            if scalar.value == 0x200D, let last = scalars.last, last.properties.isEmojiPresentation || last.properties.isEmoji {
                scalars.append(scalar)
                continue
            }
            if invisible.contains(scalar.value) { continue }
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            // Other control characters (NUL, escape…) are dropped, as on the ASCII path.
            if scalar.properties.generalCategory == .control { continue }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }
}
