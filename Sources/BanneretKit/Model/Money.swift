import Foundation

/// An exact amount in an ISO 4217 currency. Decimal, never Double: `19.99`
/// must print as `19.99` and a discount must round the way a shopper expects.
public struct Money: Sendable, Hashable, Codable, CustomStringConvertible {
    public var amount: Decimal
    public var currency: String

    public init(amount: Decimal, currency: String) {
        self.amount = amount
        self.currency = currency.uppercased()
    }

    public var description: String { "\(amount) \(currency)" }

    /// Digits after the decimal point that the currency uses (ISO 4217 minor units).
    public var minorUnits: Int { Currency.info(for: currency).minorUnits }

    /// Percentage saved going from `self` to `sale`, rounded down; nil when
    /// there is no real saving, so a banner never says "-0%".
    public func discountPercent(to sale: Money) -> Int? {
        guard sale.currency == currency, amount > 0, sale.amount < amount, sale.amount >= 0 else { return nil }
        var ratio = (amount - sale.amount) * 100 / amount
        var floored = Decimal()
        NSDecimalRound(&floored, &ratio, 0, .down)
        let percent = NSDecimalNumber(decimal: floored).intValue
        return percent >= 1 ? percent : nil
    }
}

/// What a banner needs to know about a currency.
enum Currency {
    struct Info {
        var symbol: String
        var minorUnits: Int
    }

    static func info(for code: String) -> Info {
        table[code] ?? Info(symbol: code, minorUnits: 2)
    }

    /// Currency of a symbol written in a price, e.g. `₩` → KRW.
    static func code(forSymbol symbol: String) -> String? {
        symbols[symbol]
    }

    private static let table: [String: Info] = [
        "USD": Info(symbol: "$", minorUnits: 2), "EUR": Info(symbol: "€", minorUnits: 2),
        "GBP": Info(symbol: "£", minorUnits: 2), "KRW": Info(symbol: "₩", minorUnits: 0),
        "JPY": Info(symbol: "¥", minorUnits: 0), "INR": Info(symbol: "₹", minorUnits: 2),
        // Gulf retailers print the ISO code in ads ("AED 399.00"); the Arabic
        // symbols set in a 2.1 em line box that shrinks the whole price line.
        "AED": Info(symbol: "AED", minorUnits: 2), "SAR": Info(symbol: "SAR", minorUnits: 2),
        "PLN": Info(symbol: "zł", minorUnits: 2), "CHF": Info(symbol: "CHF", minorUnits: 2),
        "CAD": Info(symbol: "CA$", minorUnits: 2), "AUD": Info(symbol: "A$", minorUnits: 2),
        "BRL": Info(symbol: "R$", minorUnits: 2), "CNY": Info(symbol: "CN¥", minorUnits: 2),
    ]

    private static let symbols: [String: String] = [
        "$": "USD", "€": "EUR", "£": "GBP", "₩": "KRW", "￦": "KRW", "원": "KRW",
        "¥": "JPY", "円": "JPY", "₹": "INR", "zł": "PLN", "د.إ": "AED", "R$": "BRL",
    ]
}
