import Foundation
import Testing
@testable import BanneretKit

@Suite struct MoneyTests {
    @Test(arguments: [
        ("12.00 USD", "12", "USD"), ("USD 12", "12", "USD"), ("₩12,900", "12900", "KRW"),
        ("12,90 €", "12.9", "EUR"), ("₹1,299.00", "1299", "INR"), ("KRW 12900", "12900", "KRW"),
        ("1.299,00 EUR", "1299", "EUR"), ("1.990 PLN", "1.99", "PLN"), ("499.00 AED", "499", "AED"), ("399 د.إ", "399", "AED"),
        ("$1,234,567.89", "1234567.89", "USD"),
    ])
    func parsesPricesAsFeedsWriteThem(text: String, amount: String, currency: String) throws {
        let money = try #require(PriceParser.parse(text))
        #expect(money.amount == Decimal(string: amount))
        #expect(money.currency == currency)
    }

    @Test func rejectsWhatIsNotAPrice() {
        #expect(PriceParser.parse("") == nil)
        #expect(PriceParser.parse("free") == nil)
        #expect(PriceParser.parse("12") == nil, "no currency and no default")
        #expect(PriceParser.parse("12", defaultCurrency: "USD")?.currency == "USD")
    }

    @Test func discountRoundsDownAndNeverSaysZero() throws {
        let price = Money(amount: 129, currency: "USD")
        #expect(price.discountPercent(to: Money(amount: Decimal(string: "96.75")!, currency: "USD")) == 25)
        #expect(price.discountPercent(to: Money(amount: Decimal(string: "128.50")!, currency: "USD")) == nil, "0.39 % is no discount")
        #expect(price.discountPercent(to: Money(amount: 129, currency: "USD")) == nil)
        #expect(price.discountPercent(to: Money(amount: 200, currency: "USD")) == nil)
        #expect(price.discountPercent(to: Money(amount: 100, currency: "EUR")) == nil, "different currency")
        // 33.33…% floors to 33, never rounds up to promise more than is given.
        #expect(Money(amount: 3, currency: "USD").discountPercent(to: Money(amount: 2, currency: "USD")) == 33)
    }

    @Test func formatsPerLanguage() {
        #expect(PriceFormatter(language: "en").format(Money(amount: 1299, currency: "USD")) == "$1,299.00")
        #expect(PriceFormatter(language: "ko").format(Money(amount: 12900, currency: "KRW")) == "₩12,900")
        #expect(PriceFormatter(language: "de").format(Money(amount: Decimal(string: "12.9")!, currency: "EUR")) == "12,90\u{00A0}€")
        #expect(PriceFormatter(language: "ja").format(Money(amount: 1200, currency: "JPY")) == "¥1,200")
        #expect(PriceFormatter(language: "en-IN").format(Money(amount: 1299, currency: "INR")) == "₹1,299.00")
        #expect(PriceFormatter(language: "ar").format(Money(amount: 499, currency: "AED")) == "499.00\u{00A0}AED")
        // KRW has no minor unit: a fractional amount rounds, never prints ".50".
        #expect(PriceFormatter(language: "ko").format(Money(amount: Decimal(string: "12900.5")!, currency: "KRW")) == "₩12,901")
    }
}
