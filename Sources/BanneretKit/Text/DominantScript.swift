/// The script most of a text's letters are written in, among those the
/// bundled fonts set: it picks the font whose height sets the text's line
/// pitch, so a Korean title with one Latin word, or a Latin title with an
/// Arabic tag line, keeps even gaps between its lines.
enum DominantScript: Hashable {
    /// Latin and everything else the brand's own font sets (digits, Greek, Cyrillic).
    case latin
    case hangul
    case arabic

    /// A character only this script's font sets, to ask Pango which font that is.
    var representative: Character {
        switch self {
        case .latin: "A"
        case .hangul: "가"
        case .arabic: "ب"
        }
    }

    /// The script of most letters of `text`; ties and letterless text go to Latin.
    init(of text: String) {
        var hangul = 0, arabic = 0, other = 0
        for scalar in text.unicodeScalars {
            // ASCII needs no Unicode property lookup: its letters are Latin.
            if scalar.isASCII {
                if (scalar.value | 0x20) >= 0x61 && (scalar.value | 0x20) <= 0x7A { other += 1 }
                continue
            }
            guard scalar.properties.isAlphabetic else { continue }
            switch scalar.value {
            case 0x1100 ... 0x11FF, 0x3130 ... 0x318F, 0xA960 ... 0xA97F, 0xAC00 ... 0xD7AF, 0xD7B0 ... 0xD7FF:
                hangul += 1
            case 0x0600 ... 0x06FF, 0x0750 ... 0x077F, 0x08A0 ... 0x08FF, 0xFB50 ... 0xFDFF, 0xFE70 ... 0xFEFF:
                arabic += 1
            default:
                other += 1
            }
        }
        if hangul > other && hangul > arabic {
            self = .hangul
        } else if arabic > other && arabic > hangul {
            self = .arabic
        } else {
            self = .latin
        }
    }
}
