import Foundation
import Testing
@testable import BanneretKit

@Suite struct MerchantCenterXMLReaderTests {
    static let rss = """
    <?xml version="1.0" encoding="UTF-8"?>
    <rss version="2.0" xmlns:g="http://base.google.com/ns/1.0">
    <channel>
      <title>Shop</title>
      <item>
        <g:id>A1</g:id>
        <title>Trail &amp; Road Shoe</title>
        <description><![CDATA[<p>Light &amp; fast.</p>]]></description>
        <link>https://shop.example/a1</link>
        <g:image_link>images/a1.png</g:image_link>
        <g:additional_image_link>images/a1-side.png</g:additional_image_link>
        <g:additional_image_link>images/a1-top.png</g:additional_image_link>
        <g:price>129.00 USD</g:price>
        <g:sale_price>96.75 USD</g:sale_price>
        <g:brand>hanbit</g:brand>
        <g:custom_label_0>summer</g:custom_label_0>
      </item>
      <item>
        <g:id>A2</g:id>
        <title>Bad price</title>
        <g:price>lots</g:price>
      </item>
    </channel>
    </rss>
    """

    @Test func readsRSSItemsWithTheGNamespace() throws {
        let feed = try FeedReader.read(Data(Self.rss.utf8), file: "feed.xml")
        let product = try #require(feed.products.first)
        #expect(product.id == "A1" && product.title == "Trail & Road Shoe" && product.description == "Light & fast.")
        #expect(product.additionalImageLinks == ["images/a1-side.png", "images/a1-top.png"])
        #expect(product.discountPercent == 25 && product.brand == "hanbit")
        #expect(product.extra["custom_label_0"] == "summer")
        #expect(feed.lines == [5])
        #expect(feed.errors.first?.location == Location(file: "feed.xml", line: 18, field: "price"))
    }

    @Test func readsAtomEntries() throws {
        let atom = """
        <feed xmlns="http://www.w3.org/2005/Atom" xmlns:g="http://base.google.com/ns/1.0">
          <entry><g:id>B1</g:id><title>Mug</title><link href="https://shop.example/b1"/><g:price>12.00 EUR</g:price></entry>
        </feed>
        """
        let feed = try FeedReader.read(Data(atom.utf8), file: "atom.xml")
        #expect(feed.products.first?.id == "B1")
        #expect(feed.products.first?.link == "https://shop.example/b1")
    }

    @Test func malformedXMLNamesTheLine() {
        do {
            _ = try FeedReader.read(Data("<rss>\n<channel>\n<item><g:id>1</item>\n".utf8), file: "bad.xml")
            Issue.record("expected an error")
        } catch {
            #expect(error.code == .feedSyntax && error.location?.file == "bad.xml" && error.location?.line == 3, "\(error)")
            #expect(error.message.contains("</item>") && error.location?.column != nil)
        }
    }

    @Test func externalEntitiesAreNotFetched() throws {
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/hostname">]>
        <rss><channel><item><g:id>X</g:id><title>Hi &secret;</title><g:price>1.00 USD</g:price></item></channel></rss>
        """
        let feed = try? FeedReader.read(Data(xxe.utf8), file: "x.xml")
        let hostname = (try? String(contentsOfFile: "/etc/hostname", encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines) ?? "∅"
        #expect(feed?.products.first?.title.contains(hostname) != true, "the file's content must not leak into the feed")
    }

    @Test func aBareAmpersandIsAnErrorOrARepair() throws {
        let feed = "<rss><channel>\n<item><g:id>A</g:id><title>Salt & Pepper</title><g:price>5 USD</g:price></item>\n"
            + "<item><g:id>B</g:id><title>Mill</title><g:price>9 USD</g:price></item>\n</channel></rss>\n"
        do {
            _ = try FeedReader.read(Array(feed.utf8), file: "amp.xml")
            Issue.record("a bare & must be refused without --lenient")
        } catch {
            #expect(error.code == .feedSyntax && error.location == Location(file: "amp.xml", line: 2, column: 33), "\(error)")
            #expect(error.message.contains("&amp;") && error.message.contains("--lenient"))
        }
        let repaired = try FeedReader.read(Array(feed.utf8), file: "amp.xml", options: .init(lenient: true))
        #expect(repaired.products.map(\.title) == ["Salt & Pepper", "Mill"])
        #expect(repaired.notices.map(\.code) == [.feedRepaired])
        #expect(repaired.notices.first?.location == Location(file: "amp.xml", line: 2, column: 33))
    }

    @Test func entityBombsAreRefusedInEveryMode() {
        let laughs = """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
        <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
        <rss><channel><item><g:id>X</g:id><title>&lol3;</title></item></channel></rss>
        """
        for lenient in [false, true] {
            do {
                _ = try FeedReader.read(Array(laughs.utf8), file: "bomb.xml", options: .init(lenient: lenient))
                Issue.record("entity declarations must be refused")
            } catch {
                #expect(error.code == .feedEntityRefused && error.location?.line == 2, "\(error)")
            }
        }
    }

    @Test func aTruncatedFeedKeepsItsCompleteItemsWhenLenient() throws {
        let feed = "<rss><channel>\n<item><g:id>A</g:id><title>Mug</title></item>\n<item><g:id>B</g:id><tit"
        #expect(throws: BanneretError.self) { _ = try FeedReader.read(Array(feed.utf8), file: "cut.xml") }
        let kept = try FeedReader.read(Array(feed.utf8), file: "cut.xml", options: .init(lenient: true))
        #expect(kept.products.map(\.id) == ["A"])
        #expect(kept.notices.contains { $0.message.contains("opened at line 3") })
    }
}
