/// Korean is set word by word (CSS `word-break: keep-all`): UAX #14 allows a
/// break between any two Hangul syllables, which splits words mid-way and
/// reads badly. This finds the UTF-8 byte ranges of space-separated words
/// that contain Hangul, so the setter can forbid breaks inside them.
enum KeepAll {
    static func protectedByteRanges(in text: String) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var offset = 0
        var wordStart: Int?
        var wordHasHangul = false
        for scalar in text.unicodeScalars {
            let length = UTF8.width(scalar)
            if scalar.properties.isWhitespace {
                if let start = wordStart, wordHasHangul { ranges.append(start ..< offset) }
                wordStart = nil
                wordHasHangul = false
            } else {
                if wordStart == nil { wordStart = offset }
                if isHangul(scalar) { wordHasHangul = true }
            }
            offset += length
        }
        if let start = wordStart, wordHasHangul { ranges.append(start ..< offset) }
        return ranges
    }

    static func isHangul(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0xAC00 ... 0xD7A3, 0x1100 ... 0x11FF, 0x3130 ... 0x318F, 0xA960 ... 0xA97F, 0xD7B0 ... 0xD7FF: true
        default: false
        }
    }
}
