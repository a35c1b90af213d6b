/// A separator set between words ("Weekend Bundle · 주말 세트", "Linen | Oak")
/// belongs to the word before it: a line that starts with "·" or "|" reads
/// as a stray mark. This finds the UTF-8 byte ranges of each space and the
/// lone separator after it, so the setter can forbid the break between them
/// (the break after the separator stays allowed).
enum SeparatorGlue {
    /// Marks feeds use between the parts of a title.
    static let separators: Set<Unicode.Scalar> = ["·", "•", "|", "/", "–", "—", "-", "+", "&", "×"]

    static func protectedByteRanges(in text: String) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        var ranges: [Range<Int>] = []
        var offset = 0
        for (index, scalar) in scalars.enumerated() {
            let length = UTF8.width(scalar)
            // " ·" followed by a space or the end: a separator standing alone.
            if scalar.properties.isWhitespace, index + 1 < scalars.count, separators.contains(scalars[index + 1]),
               index + 2 == scalars.count || scalars[index + 2].properties.isWhitespace {
                ranges.append(offset ..< offset + length + UTF8.width(scalars[index + 1]))
            }
            offset += length
        }
        return ranges
    }
}
