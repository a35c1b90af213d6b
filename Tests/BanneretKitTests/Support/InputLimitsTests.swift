import Foundation
import Testing
@testable import BanneretKit

/// Every hard limit refuses with its code and says where, and the good input
/// around a refused record still goes through.
@Suite struct InputLimitsTests {
    @Test func aFeedOverItsByteLimitIsRefusedBeforeAnyRecordIsRead() throws {
        let feed = Array("id,title,price\na,Mug,5 USD\n".utf8)
        var options = FeedReader.Options()
        options.maximumBytes = 10
        let error = try #require(throws: BanneretError.self) { _ = try FeedReader.read(feed, file: "f.csv", options: options) }
        #expect(error.code == .feedTooLarge && error.location?.file == "f.csv")
    }

    @Test func recordsBeyondTheLimitAreRefusedOnceWithTheFirstLineNotRead() throws {
        let rows = (1 ... 12).map { "p\($0),Mug \($0),5 USD" }.joined(separator: "\n")
        var options = FeedReader.Options()
        options.maximumRecords = 5
        let read = try FeedReader.read(Array(("id,title,price\n" + rows + "\n").utf8), file: "f.csv", options: options)
        #expect(read.products.map(\.id) == ["p1", "p2", "p3", "p4", "p5"])
        #expect(read.errors.count == 1)
        #expect(read.errors.first?.code == .feedTooLarge && read.errors.first?.location?.line == 7)
        #expect(read.errors.first?.message.contains("12 records") == true)
    }

    @Test func aBoundFieldLongerThanTheTextLimitRefusesTheBannerBeforeShaping() throws {
        let yaml = """
        name: t
        elements:
          note: { kind: text, bind: field.note, font: body, size: [9, 12], max_lines: 3 }
        size_classes:
          rectangle:
            constraints:
              - note.left == canvas.left
              - note.right == canvas.right
              - note.top == canvas.top
        """
        var product = Product(id: "p", title: "Mug", price: Money(amount: 5, currency: "USD"))
        product.extra["note"] = String(repeating: "ab ", count: 2_000)
        let input = LayoutInput(product: product, brand: Fixtures.engine.brand, size: BannerSize(width: 300, height: 250),
                                imagePath: nil, imageIsOpaque: false, imageAspectRatio: 1, logoForLightBackground: nil,
                                logoForDarkBackground: nil, logoAspectRatio: 4)
        let layout = TemplateLayout(template: try TemplateLoader.parse(yaml, file: "t.yaml"), measurer: TextSetter(fonts: Fixtures.fonts))
        let error = try #require(throws: BanneretError.self) { _ = try layout.spec(for: input) }
        #expect(error.code == .textTooLong && error.location?.element == "note" && error.location?.file == "t.yaml")
        #expect(error.message.contains("6000 characters"))
    }

    @Test func aTemplateWithTooManyElementsIsRefusedWhenLoaded() throws {
        let elements = (0 ... TemplateLimits.maximumElements).map { "  e\($0): { kind: shape, shape: rectangle, fill: primary }" }
        let yaml = "name: t\nelements:\n" + elements.joined(separator: "\n") + "\nconstraints:\n  - e0.left == canvas.left\n"
        let error = try #require(throws: BanneretError.self) { _ = try TemplateLoader.parse(yaml, file: "big.yaml") }
        #expect(error.code == .templateTooLarge && error.location?.file == "big.yaml")
    }

    @Test func aCanvasLargerThan8192IsRefusedAsASize() {
        #expect(throws: BanneretError.self) { _ = try BannerSize(parsing: "8193x100") }
        #expect((try? BannerSize(parsing: "8192x8192")) != nil)
    }
}
