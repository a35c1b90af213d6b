import Foundation
import Testing
@testable import BanneretKit

/// The licensed real feeds in ../shared/samples, read in place. Every record
/// either becomes a product or is rejected with a reason; none disappears.
@Suite struct SampleFeedsTests {
    static func sample(_ name: String) -> URL? {
        guard let samples = Fixtures.sharedSamples else {
            print("skipping: ../shared/samples is absent (CI provides it)")
            return nil
        }
        return samples.appendingPathComponent("feeds/\(name)")
    }

    /// Cloud Retail `Product` JSON Lines in a `.json` file.
    @Test func googleRetailProductsAllBecomeProducts() throws {
        guard let url = Self.sample("gcp-retail-products.json") else { return }
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").count
        let feed = try FeedReader.read(contentsOf: url)
        #expect(feed.products.count + feed.errors.count == lines, "every line accounted for")
        #expect(feed.products.count == 316 && feed.errors.isEmpty, "\(feed.errors.prefix(3))")
        let pen = try #require(feed.products.first { $0.id == "GGCOGOAC101259" })
        #expect(pen.title == "#IamRemarkable Pen" && pen.brand == "#IamRemarkable" && pen.productType == "Office")
        #expect(pen.imageLink?.hasPrefix("https://shop.googlemerchandisestore.com/") == true)
        #expect(pen.link?.hasSuffix("IamRemarkable+Pen") == true)
        // priceInfo: price 16 paid, originalPrice 45 before the discount.
        #expect(pen.salePrice == Money(amount: 16, currency: "USD") && pen.price == Money(amount: 45, currency: "USD"))
        #expect(pen.extra["colorInfo.colors"] == "Light blue, Blue, Dark blue", "nested fields reachable by dotted name")
        #expect(Set(feed.products.compactMap(\.availability)) == ["in_stock", "out_of_stock"])
        #expect(feed.products.filter { $0.brand == nil }.count == 2, "SOURCES.md: two records have no brands")
        #expect(feed.lines == Array(1 ... 316))
    }

    /// A Django fixture: rows of 32 models joined into the 32 products.
    @Test func saleorFixtureIsJoinedIntoProducts() throws {
        guard let url = Self.sample("saleor-populatedb.json") else { return }
        let feed = try FeedReader.read(contentsOf: url)
        #expect(feed.products.count == 32 && feed.errors.isEmpty, "\(feed.errors.prefix(3))")
        let notice = try #require(feed.notices.first)
        #expect(notice.code == .feedNotice)
        // 721 rows = 32 products + joined rows + rows of other models, all counted in the notice.
        let counts = notice.message.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
        #expect(counts.count == 3 && counts.reduce(0, +) == 721, "\(notice.message)")
        let juice = try #require(feed.products.first { $0.title == "Apple Juice" })
        #expect(juice.price == Money(amount: Decimal(string: "1.99")!, currency: "USD"), "USD listing, 3-decimal string")
        #expect(juice.productType == "Juices")
        #expect(juice.imageLink?.hasPrefix("products/apple-drink") == true)
        #expect(feed.products.allSatisfy { !$0.description.contains("<") && !$0.description.contains("&nbsp;") })
        let pln = try FeedReader.read(contentsOf: url, defaultCurrency: "PLN")
        #expect(pln.products.allSatisfy { $0.price?.currency == "PLN" || $0.price == nil })
    }

    /// Magento CSV: multi-line quoted cells, bare prices, special_price.
    @Test func magentoExportsAccountForEveryRecord() throws {
        guard let bagsURL = Self.sample("magento-products_gear_bags.csv"),
              let watchesURL = Self.sample("magento-products_gear_watches.csv") else { return }
        for (url, records) in [(bagsURL, 14), (watchesURL, 9)] {
            let feed = try FeedReader.read(contentsOf: url, defaultCurrency: "USD")
            #expect(feed.products.count == records && feed.errors.isEmpty)
            #expect(feed.products.allSatisfy { $0.price?.currency == "USD" && $0.productType?.contains("\n") == false })
            // Without a currency, every record is rejected with its line and field — none vanishes.
            let bare = try FeedReader.read(contentsOf: url)
            #expect(bare.products.isEmpty && bare.errors.count == records)
            #expect(bare.errors.allSatisfy { $0.location?.field == "price" && $0.message.contains("--currency") })
        }
    }
}
