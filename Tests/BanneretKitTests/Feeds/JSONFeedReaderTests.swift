import Foundation
import Testing
@testable import BanneretKit

@Suite struct JSONFeedReaderTests {
    @Test func readsJSONLinesAndReportsBadRecordsByLineAndField() throws {
        let feed = """
        {"id": "A1", "title": "Good one", "price": "12.00 USD"}
        {"id": "A2", "title": "Bad price", "price": "twelve"}

        {"id": "A3"}
        not json at all
        {"id": "A4", "title": "  Spaced \u{200E}out\\n title ", "price": "₩12,900", "sale_price": "₩9,900", "color": "red"}
        """
        let result = try FeedReader.read(Data(feed.utf8), file: "feed.jsonl")
        #expect(result.products.map(\.id) == ["A1", "A4"])
        #expect(result.lines == [1, 6])
        #expect(result.errors.count == 3)
        #expect(result.errors[0].code == .feedField)
        #expect(result.errors[0].location == Location(file: "feed.jsonl", line: 2, field: "price"))
        #expect(result.errors[1].location == Location(file: "feed.jsonl", line: 4, field: "title"))
        #expect(result.errors[2].code == .feedSyntax)
        #expect(result.errors[2].location?.line == 5)
        let a4 = result.products[1]
        #expect(a4.title == "Spaced out title", "bidi mark removed, whitespace collapsed")
        #expect(a4.discountPercent == 23)
        #expect(a4.extra["color"] == "red")
    }

    @Test func readsAJSONArrayWithBOM() throws {
        let feed = "\u{FEFF}[{\"id\": 7, \"title\": \"Café\"},\n  {\"title\": \"no id\"}]"
        let result = try FeedReader.read(Data(feed.utf8), file: "f.json")
        #expect(result.products.first?.id == "7", "numeric ids become strings")
        #expect(result.errors.first?.location == Location(file: "f.json", line: 2, field: "id"), "the line the record starts on")
    }

    @Test func refusesANonJSONArrayFile() {
        #expect(throws: BanneretError.self) { try FeedReader.read(Data("[{".utf8), file: "f.json") }
    }

    @Test func missingFeedIsAnInputError() {
        do {
            _ = try FeedReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/feed.jsonl"))
            Issue.record("expected an error")
        } catch let error as BanneretError {
            #expect(error.code == .feedMissing)
            #expect(error.location?.file == "/nonexistent/feed.jsonl")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    /// Google's retail sample is JSON Lines in a `.json` file: 316 records, one per line.
    @Test func readsTheGoogleRetailSampleInPlace() throws {
        guard let samples = Fixtures.sharedSamples else {
            print("skipping: ../shared/samples is absent (CI provides it)")
            return
        }
        let result = try FeedReader.read(contentsOf: samples.appendingPathComponent("feeds/gcp-retail-products.json"))
        #expect(result.products.count == 316)
        #expect(result.errors.isEmpty)
        #expect(result.products.allSatisfy { !$0.title.isEmpty })
    }
}
