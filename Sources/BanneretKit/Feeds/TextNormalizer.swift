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
        // Most feed text is plain printable ASCII with single spaces: already clean, already NFC.
        var previousWasSpace = true
        var plain = true
        for byte in text.utf8 {
            if byte == 0x20 {
                if previousWasSpace { plain = false; break }
                previousWasSpace = true
            } else if byte > 0x20, byte < 0x7F {
                previousWasSpace = false
            } else {
                plain = false
                break
            }
        }
        if plain, !previousWasSpace || text.isEmpty { return text }
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            // ZWJ (200D) stays inside emoji sequences such as 👩‍💻.
            if scalar.value == 0x200D, let last = scalars.last, last.properties.isEmojiPresentation || last.properties.isEmoji {
                scalars.append(scalar)
                continue
            }
            if invisible.contains(scalar.value) { continue }
            if scalar.properties.isWhitespace || scalar.properties.generalCategory == .control {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            scalars.append(scalar)
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }
}
