import Foundation
import Testing
@testable import BanneretKit

/// Crafted bad input: never a crash or a hang, always a precise error, and
/// the good records around it still come through.
@Suite struct HostileFeedTests {
    static let header = "id,title,price\n"

    @Test func truncatedFilesKeepWhatIsComplete() throws {
        let jsonl = "{\"id\":\"A\",\"title\":\"Mug\",\"price\":\"5 USD\"}\n{\"id\":\"B\",\"title\":\"Cup\",\"pri"
        let feed = try FeedReader.read(Array(jsonl.utf8), file: "t.jsonl")
        #expect(feed.products.map(\.id) == ["A"])
        #expect(feed.errors.first?.code == .feedSyntax && feed.errors.first?.location?.line == 2)
        let array = "[{\"id\":\"A\",\"title\":\"Mug\",\"price\":\"5 USD\"},\n {\"id\":\"B\",\"ti"
        do {
            _ = try FeedReader.read(Array(array.utf8), file: "t.json")
            Issue.record("a truncated JSON array must be refused without --lenient")
        } catch {
            #expect(error.code == .feedSyntax && error.location?.line == 2 && error.location?.column != nil, "\(error)")
        }
        let lenient = try FeedReader.read(Array(array.utf8), file: "t.json", options: .init(lenient: true))
        #expect(lenient.products.map(\.id) == ["A"] && lenient.notices.first?.code == .feedRepaired)
        let csv = Self.header + "A,Mug,5 USD\nB,\"Cup"
        let cut = try FeedReader.read(Array(csv.utf8), file: "t.csv")
        #expect(cut.products.map(\.id) == ["A"] && cut.errors.first?.location?.line == 3)
    }

    @Test func aTenMegabyteFieldAndAMillionCharacterTitle() throws {
        let huge = String(repeating: "<b>Lorem &amp; ipsum</b> ", count: 400_000)   // 10 MB of HTML
        let title = String(repeating: "x", count: 1_000_000)
        let jsonl = "{\"id\":\"A\",\"title\":\"Mug\",\"description\":\"\(huge)\",\"price\":\"5 USD\"}\n"
            + "{\"id\":\"B\",\"title\":\"\(title)\",\"price\":\"5 USD\"}\n{\"id\":\"C\",\"title\":\"Cup\",\"price\":\"6 USD\"}\n"
        let feed = try FeedReader.read(Array(jsonl.utf8), file: "big.jsonl")
        #expect(feed.products.map(\.id) == ["A", "C"])
        let description = try #require(feed.products.first?.description)
        #expect(description.hasPrefix("Lorem & ipsum Lorem") && description.hasSuffix("…"))
        #expect(description.unicodeScalars.count <= FeedRecordMapper.maximumDescriptionCharacters + 1)
        #expect(feed.errors.first?.code == .textTooLong && feed.errors.first?.location?.field == "title")
        #expect(feed.errors.first?.location?.line == 2)
    }

    @Test func hostileMarkupStaysLinear() {
        // Every '<' looks like a tag opening and never closes; every '&' like an entity.
        let angles = String(repeating: "<a", count: 500_000), ampersands = String(repeating: "&", count: 1_000_000)
        #expect(HTMLText.plain(angles).count == angles.count)
        #expect(HTMLText.plain(ampersands) == ampersands)
        #expect(HTMLText.plain("<p>a</p><script>alert('x')</script>b") == " a  b")
    }

    @Test func nulBytesAndInvalidUTF8() throws {
        var bytes = Array((Self.header + "A\0B,Mu\0g,5 USD\n").utf8)
        bytes += Array("C,".utf8) + [0xC3, 0x28] + Array(",5 USD\nD,Assiette écrue,7 USD\n".utf8)
        let feed = try FeedReader.read(bytes, file: "bad.csv")
        #expect(feed.products.map(\.id) == ["AB", "D"], "NUL is a control character: dropped")
        #expect(feed.products.first?.title == "Mug" && feed.products.last?.title == "Assiette écrue")
        #expect(feed.errors.count == 1 && feed.errors[0].code == .feedEncoding)
        #expect(feed.errors[0].location == Location(file: "bad.csv", line: 3, field: "title"))
        let json = Array("{\"id\":\"A\",\"title\":\"".utf8) + [0xFF] + Array("\"}\n{\"id\":\"B\",\"title\":\"한빛\"}\n".utf8)
        let lines = try FeedReader.read(json, file: "bad.jsonl")
        #expect(lines.products.map(\.id) == ["B"] && lines.errors.first?.location?.line == 1)
    }

    @Test func deeplyNestedJSONIsRefusedNotOverflowed() throws {
        let deep = "{\"id\":\"A\",\"title\":\"x\",\"n\":" + String(repeating: "[", count: 100_000) + "\n{\"id\":\"B\",\"title\":\"ok\"}\n"
        let feed = try FeedReader.read(Array(deep.utf8), file: "deep.jsonl")
        #expect(feed.products.map(\.id) == ["B"])
        #expect(feed.errors.first?.message.contains("nested deeper than 64") == true)
    }

    @Test func latin1AndUTF16AreDecodedAndSaidSo() throws {
        let latin1: [UInt8] = Array(Self.header.utf8) + Array("A,Caf".utf8) + [0xE9] + Array(" cr".utf8) + [0xE8, 0x6D, 0x65]
            + Array(",\"12,90 ".utf8) + [0x80] + Array("\"\n".utf8)
        let feed = try FeedReader.read(latin1, file: "latin1.csv")
        #expect(feed.products.first?.title == "Café crème")
        #expect(feed.products.first?.price == Money(amount: Decimal(string: "12.9")!, currency: "EUR"), "0x80 is € in Windows-1252")
        #expect(feed.notices.first?.code == .feedEncoding)
        let text = Self.header + "K1,한빛 머그,\"₩12,900\"\n"
        for littleEndian in [true, false] {
            var utf16: [UInt8] = littleEndian ? [0xFF, 0xFE] : [0xFE, 0xFF]
            for unit in text.utf16 {
                utf16 += littleEndian ? [UInt8(unit & 0xFF), UInt8(unit >> 8)] : [UInt8(unit >> 8), UInt8(unit & 0xFF)]
            }
            let decoded = try FeedReader.read(utf16, file: "utf16.csv")
            #expect(decoded.products.first?.title == "한빛 머그" && decoded.products.first?.price?.amount == 12900)
            #expect(decoded.notices.first?.message.contains(littleEndian ? "UTF-16 LE" : "UTF-16 BE") == true)
        }
    }

    @Test func wrappedJSONAndContentAPINames() throws {
        let wrapped = """
        {
          "kind": "content#productsListResponse",
          "products": [
            {"offerId": "S1", "title": "Scarf", "price": {"value": "30.00", "currency": "EUR"},
             "salePrice": {"value": "24.00", "currency": "EUR"}, "imageLink": "s1.png",
             "additionalImageLinks": ["s1b.png", "s1c.png"], "customLabel0": "winter"},
            {"offerId": "S2", "title": "Hat", "price": {"value": "x"}}
          ]
        }
        """
        let feed = try FeedReader.read(Array(wrapped.utf8), file: "api.json")
        let scarf = try #require(feed.products.first)
        #expect(scarf.id == "S1" && scarf.discountPercent == 20 && scarf.extra["custom_label_0"] == "winter")
        #expect(scarf.imageLink == "s1.png" && scarf.additionalImageLinks == ["s1b.png", "s1c.png"])
        #expect(feed.errors.first?.location == Location(file: "api.json", line: 7, field: "price"))
    }

    @Test func emptyAndNonFeedFiles() {
        for (bytes, name) in [([UInt8](), "empty.csv"), (Array("   \n".utf8), "blank.json"), (Array("id,title\n".utf8), "header.csv")] {
            #expect(throws: BanneretError.self, "\(name)") { _ = try FeedReader.read(bytes, file: name) }
        }
        // An object that is not a product is a rejected record, not a silent nothing.
        #expect((try? FeedReader.read(Array("{\"a\": 1}".utf8), file: "one.json"))?.errors.first?.location?.field == "id")
    }
}
