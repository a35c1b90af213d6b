import Foundation
import Testing
@testable import BanneretKit

@Suite struct CSVFeedReaderTests {
    @Test func magentoExportsWithMultilineCellsInPlace() throws {
        guard let samples = Fixtures.sharedSamples else {
            print("skipping: ../shared/samples is absent (CI provides it)")
            return
        }
        let bags = try FeedReader.read(contentsOf: samples.appendingPathComponent("feeds/magento-products_gear_bags.csv"),
                                       defaultCurrency: "USD")
        // SOURCES.md: 277 physical lines hold 15 records, the header and 14 bags.
        #expect(bags.products.count == 14 && bags.errors.isEmpty, "\(bags.errors)")
        let tote = try #require(bags.products.first { $0.title == "Savvy Shoulder Tote" })
        #expect(tote.discountPercent == 25, "32 → 24")
        let strive = try #require(bags.products.first { $0.title == "Strive Shoulder Pack" })
        #expect(strive.discountPercent == nil, "special_price equal to price is no sale")
        #expect(bags.products.allSatisfy { !$0.description.contains("<") && !$0.description.contains("&") })
        #expect(bags.lines.first == 2 && bags.lines == bags.lines.sorted())
        #expect(bags.lines.last! > 200, "line numbers count physical lines, not records")
        let watches = try FeedReader.read(contentsOf: samples.appendingPathComponent("feeds/magento-products_gear_watches.csv"),
                                          defaultCurrency: "USD")
        #expect(watches.products.count == 9 && watches.errors.isEmpty)
        #expect(watches.products.first?.description.contains("Strap fits 7\" to 8.0\".") == true, "doubled quotes undone")
    }

    @Test func semicolonsBOMAndCRLF() throws {
        let text = "\u{FEFF}id;title;price;image_link\r\nA1;\"Tasse; blau\";\"12,90 €\";a.png\r\nA2;Teller;9,50 EUR;b.png\r\n"
        let feed = try FeedReader.read(Data(text.utf8), file: "f.csv")
        #expect(feed.products.map(\.title) == ["Tasse; blau", "Teller"])
        #expect(feed.products.first?.price == Money(amount: Decimal(string: "12.9")!, currency: "EUR"))
        #expect(feed.lines == [2, 3])
    }

    @Test func anEmptyImageCellMeansNoPicture() throws {
        let feed = try FeedReader.read(Data("id,title,price,image_link,additional_image_link\nb,Cup,5 USD,,\n".utf8), file: "f.csv")
        let product = try #require(feed.products.first)
        #expect(product.imageLink == nil && product.additionalImageLinks.isEmpty)
    }

    @Test func shopifyAndWooCommerceColumnsMap() throws {
        let shopify = "Handle,Title,Body (HTML),Vendor,Variant Price,Variant Compare At Price,Image Src\n"
            + "tee,Cotton Tee,<p>Soft &amp; light</p>,acme,19.00 USD,25.00 USD,img/tee.png\n"
        let s = try #require(try FeedReader.read(Data(shopify.utf8), file: "s.csv").products.first)
        #expect(s.id == "tee" && s.brand == "acme" && s.description == "Soft & light")
        #expect(s.price?.amount == 25 && s.salePrice?.amount == 19, "compare-at is the regular price")
        let woo = "ID,SKU,Name,Regular price,Sale price,Images\n7,W-7,Mug,12.00 USD,,\"m1.png, m2.png\"\n"
        let w = try #require(try FeedReader.read(Data(woo.utf8), file: "w.csv").products.first)
        #expect(w.id == "W-7" && w.title == "Mug" && w.imageLink == "m1.png" && w.additionalImageLinks == ["m2.png"])
    }

    @Test func badRowsNameTheirLineAndTheRestStillCome() throws {
        let text = "id,title,price\nA,\"Good\nand multi-line\",5.00 USD\nB,Short row\nC,Fine,7.00 USD\nD,\"never closed,1.00 USD\n"
        let feed = try FeedReader.read(Data(text.utf8), file: "f.csv")
        #expect(feed.products.map(\.id) == ["A", "C"])
        #expect(feed.errors.map(\.location) == [Location(file: "f.csv", line: 4), Location(file: "f.csv", line: 6)])
        #expect(feed.errors.first?.message.contains("2 cells where the header has 3") == true)
        #expect(feed.errors.last?.message.contains("never closed") == true)
    }

    @Test func formatIsToldFromContentNotName() {
        func detect(_ text: String) -> FeedReader.Format { Array(text.utf8).withUnsafeBufferPointer(FeedReader.detect) }
        #expect(detect("  [{\"id\":1}]") == .json)
        #expect(detect("{\"id\":1}\n") == .json)
        #expect(detect("id\ttitle\n") == .csv)
        #expect(detect("<?xml version=\"1.0\"?><rss/>") == .xml)
        #expect(Array("id\ttitle\tprice\n1\t\"a,b\"\t3".utf8).withUnsafeBufferPointer(CSVFeedReader.detectDelimiter) == UInt8(ascii: "\t"))
        #expect(Array("id;title,x;price\n".utf8).withUnsafeBufferPointer(CSVFeedReader.detectDelimiter) == UInt8(ascii: ";"))
    }

    @Test func htmlTextDecodesEntitiesAndDropsTags() {
        #expect(TextNormalizer.clean(HTMLText.plain("<p>Café &amp; more<p>next&#8217;s &#x2713;<ul>")) == "Café & more next’s ✓")
        #expect(HTMLText.plain("5 < 6 & 7") == "5 < 6 & 7", "a bare < or & is text")
    }
}
