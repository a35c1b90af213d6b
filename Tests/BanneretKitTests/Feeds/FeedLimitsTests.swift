import Foundation
import Testing
@testable import BanneretKit

/// Bytes and records per feed: refused or cut with `feed.too_large`, saying where.
@Suite struct FeedLimitsTests {
    func jsonl(_ count: Int) -> String {
        (1 ... count).map { "{\"id\": \"R\($0)\", \"title\": \"Mug \($0)\", \"price\": \"1.00 USD\"}\n" }.joined()
    }

    @Test func recordsPastTheLimitAreSkippedWithOneErrorAtTheFirst() throws {
        for format in [FeedReader.Format.json, .csv] {
            let text = format == .json ? jsonl(5) : "id,title,price\n" + (1 ... 5).map { "R\($0),Mug,1.00 USD\n" }.joined()
            let result = try FeedReader.read(Array(text.utf8), file: "f", options: FeedReader.Options(maximumRecords: 2))
            #expect(result.products.map(\.id) == ["R1", "R2"], "\(format)")
            #expect(result.errors.map(\.code) == [.feedTooLarge], "\(format)")
            // JSON Lines: record 3 is on line 3; CSV: after the header, on line 4.
            #expect(result.errors.first?.location == Location(file: "f", line: format == .json ? 3 : 4), "\(format)")
        }
    }

    @Test func aFileOverTheByteLimitIsRefusedBeforeReading() throws {
        let folder = Fixtures.temporaryDirectory()
        let url = folder.appendingPathComponent("feed.jsonl")
        let data = Data(jsonl(50).utf8)
        try data.write(to: url)
        var options = FeedReader.Options()
        options.maximumBytes = 1000
        #expect(throws: BanneretError(.feedTooLarge, "the feed is \(data.count) bytes or more; at most 1000 are read (raise --max-feed-mb)",
                                      at: Location(file: url.path))) {
            try FeedReader.stream(contentsOf: url, options: options) { _ in }
        }
        options.maximumBytes = 1 << 20
        var products = 0
        try FeedReader.stream(contentsOf: url, options: options) { products += $0.products.count }
        #expect(products == 50)
    }

    @Test func theGeneratorPassesItsLimitsOn() throws {
        let folder = Fixtures.temporaryDirectory()
        let url = folder.appendingPathComponent("feed.jsonl")
        try Data(jsonl(3).utf8).write(to: url)
        var options = GenerationOptions(feedURL: url, sizes: [BannerSize(width: 300, height: 250)],
                                        outputDirectory: folder.appendingPathComponent("out"), jobs: 1)
        options.maximumFeedRecords = 1
        let report = try Generator(engine: Fixtures.engine).run(options)
        #expect(report.productsRead == 1)
        #expect(report.errors.map(\.error.code) == [.feedTooLarge])
        #expect(report.errors.first?.error.location == Location(file: url.path, line: 2))
    }
}
