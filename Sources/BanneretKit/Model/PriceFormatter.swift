import Foundation

/// Formats money the way shoppers in a language read it: symbol placement,
/// separators, and no minor units for currencies that have none (KRW, JPY).
public struct PriceFormatter: Sendable {
    public var language: String

    public init(language: String) {
        self.language = language.lowercased().split(separator: "-").first.map(String.init) ?? "en"
    }

    private struct Convention {
        var decimal: String
        var group: String
        var symbolAfter: Bool
    }

    private var convention: Convention {
        switch language {
        case "de", "es", "it", "nl", "pt", "tr": Convention(decimal: ",", group: ".", symbolAfter: true)
        case "fr", "pl": Convention(decimal: ",", group: "\u{202F}", symbolAfter: true)
        case "ar": Convention(decimal: ".", group: ",", symbolAfter: true)
        default: Convention(decimal: ".", group: ",", symbolAfter: false)
        }
    }

    public func format(_ money: Money) -> String {
        let info = Currency.info(for: money.currency)
        var value = money.amount
        var rounded = Decimal()
        NSDecimalRound(&rounded, &value, info.minorUnits, .plain)
        let plain = NSDecimalNumber(decimal: rounded).stringValue  // "12900" or "12.9"
        let negative = plain.hasPrefix("-")
        let parts = plain.trimmingCharacters(in: CharacterSet(charactersIn: "-")).split(separator: ".")
        let integer = String(parts.first ?? "0")
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        fraction += String(repeating: "0", count: max(0, info.minorUnits - fraction.count))

        var grouped = ""
        for (index, digit) in integer.reversed().enumerated() {
            if index > 0, index % 3 == 0 { grouped.append(contentsOf: convention.group.reversed()) }
            grouped.append(digit)
        }
        var number = String(grouped.reversed())
        if info.minorUnits > 0 { number += convention.decimal + fraction }
        if negative { number = "-" + number }
        let symbolIsWord = info.symbol.allSatisfy(\.isLetter)
        if convention.symbolAfter { return number + "\u{00A0}" + info.symbol }
        return symbolIsWord ? info.symbol + "\u{00A0}" + number : info.symbol + number
    }
}
