import Foundation

/// Reads prices as feeds write them: `12.00 USD`, `USD 12`, `₩12,900`,
/// `12,90 €`, `₹1,299.00`, `KRW 12900`, `1.299,00 EUR`.
public enum PriceParser {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// - Parameter defaultCurrency: used when the text names no currency (bare `129`).
    public static func parse(_ raw: String, defaultCurrency: String? = nil) -> Money? {
        if let fast = parseSimple(raw, defaultCurrency: defaultCurrency) { return fast }
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        // Split into the numeric part and the currency marker around it.
        var number = ""
        var marker = ""
        let characters = Array(text)
        for (index, character) in characters.enumerated() {
            // A separator belongs to the number only between two digits, so the
            // dots of a symbol such as `د.إ` stay with the currency.
            let betweenDigits = index > 0 && index + 1 < characters.count
                && characters[index - 1].isNumber && characters[index + 1].isNumber
            if character.isNumber || ((character == "." || character == ",") && betweenDigits)
                || (character == "-" && number.isEmpty) {
                number.append(character)
            } else if !character.isWhitespace, character != "\u{00A0}", character != "\u{202F}", character != "'" {
                marker.append(character)
            }
        }
        guard let amount = decimal(from: number) else { return nil }
        let currency: String
        if marker.isEmpty {
            guard let defaultCurrency else { return nil }
            currency = defaultCurrency
        } else if marker.count == 3, marker.allSatisfy({ $0.isASCII && $0.isLetter }) {
            currency = marker.uppercased()
        } else if let code = Currency.code(forSymbol: marker) {
            currency = code
        } else {
            return nil
        }
        return Money(amount: amount, currency: currency)
    }

    /// The shape most feeds write, `12.99 USD`, `USD 12.99` or `129`: ASCII
    /// digits with at most one `.` and a three-letter code, read without
    /// building Characters. nil for anything else (the general path decides).
    static func parseSimple(_ raw: String, defaultCurrency: String?) -> Money? {
        var significand: UInt64 = 0
        var digits = 0, fractionDigits = 0
        var sawPoint = false
        var code: [UInt8] = []
        var inNumber = false, numberDone = false
        for byte in raw.utf8 {
            switch byte {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"):
                guard !numberDone, digits < 18 else { return nil }
                inNumber = true
                significand = significand * 10 + UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if sawPoint { fractionDigits += 1 }
            case UInt8(ascii: "."):
                guard inNumber, !sawPoint, !numberDone else { return nil }
                sawPoint = true
            case UInt8(ascii: " "):
                if inNumber { numberDone = true }
            case UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "a") ... UInt8(ascii: "z"):
                if inNumber { numberDone = true }
                code.append(byte & ~0x20)
            default:
                return nil
            }
        }
        guard digits > 0, !sawPoint || fractionDigits > 0 else { return nil }
        let currency: String
        switch code.count {
        case 3: currency = String(decoding: code, as: UTF8.self)
        case 0:
            guard let defaultCurrency else { return nil }
            currency = defaultCurrency
        default: return nil
        }
        // A lone "1.990" is Saleor's 1.99 and "12.900" may group thousands: leave three decimals to the general rules.
        if fractionDigits == 3 { return nil }
        return Money(amount: Decimal(sign: .plus, exponent: -fractionDigits, significand: Decimal(significand)), currency: currency)
    }

    /// Decides which of `.` and `,` is the decimal separator: the last one wins
    /// when both appear; a separator that appears more than once groups
    /// thousands; a lone comma followed by exactly three digits groups
    /// (`12,900`), any other lone separator is the decimal point (`12,90`,
    /// `1.990` as Saleor writes 1.99 with three decimals).
    static func decimal(from text: String) -> Decimal? {
        guard !text.isEmpty, text.contains(where: \.isNumber) else { return nil }
        let dots = text.filter { $0 == "." }.count, commas = text.filter { $0 == "," }.count
        let decimalSeparator: Character?
        if dots > 0, commas > 0 {
            decimalSeparator = text.lastIndex(of: ".")! > text.lastIndex(of: ",")! ? "." : ","
        } else if dots == 1 {
            decimalSeparator = "."
        } else if commas == 1 {
            let digitsAfter = text[text.index(after: text.lastIndex(of: ",")!)...].count
            decimalSeparator = digitsAfter == 3 ? nil : ","
        } else {
            decimalSeparator = nil
        }
        var normalised = ""
        for character in text {
            if character == decimalSeparator { normalised.append(".") }
            else if character.isNumber || character == "-" { normalised.append(character) }
        }
        guard let value = Decimal(string: normalised, locale: posix) else { return nil }
        return value
    }
}
