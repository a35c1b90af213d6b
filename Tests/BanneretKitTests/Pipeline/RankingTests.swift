import Foundation
import Testing
@testable import BanneretKit

/// Variants ranked per segment inside `generate`, and hard failures that no score can save.
@Suite struct RankingTests {
    let size = BannerSize(width: 300, height: 250)

    func options(_ out: URL) -> GenerationOptions {
        var options = GenerationOptions(feedURL: ExampleProducts.feedURL, sizes: [size], outputDirectory: out, jobs: 2)
        options.variants = 6
        return options
    }

    @Test func keepsEachSegmentsTopKWithScoresAndRanks() throws {
        let segments = try SegmentsLoader.load(Fixtures.examples.appendingPathComponent("segments.yaml"))
        let out = Fixtures.temporaryDirectory()
        var options = options(out)
        options.scorer = BannerScorer(segments: segments)
        options.top = 1
        let report = try Generator(engine: Fixtures.engine).run(options)
        #expect(report.errors.isEmpty, "\(report.errors.prefix(2))")
        for (product, entries) in Dictionary(grouping: report.entries, by: \.productID) {
            // Every segment has exactly one banner ranked first for this product.
            for segment in segments.map(\.id) {
                #expect(entries.filter { $0.ranks[segment] == 1 }.count == 1, "\(product) \(segment)")
            }
            #expect(entries.count <= segments.count)
            for entry in entries {
                #expect(Set(entry.scores.keys) == Set(segments.map(\.id) + [BannerScorer.total]))
                #expect(entry.scores.values.allSatisfy { $0 > 0 && $0 < 1 })
                // The one kept is the best-scoring of all rendered variants for the segments that rank it.
                #expect(entry.metrics["contrast_pass"] == 1 && entry.metrics["layout_validity"] == 1)
            }
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".png") }
        #expect(Set(files) == Set(report.entries.map(\.path)), "outranked variants leave no file")
        // Ranking is a choice among what was rendered: without --top every distinct variant stays.
        var all = self.options(Fixtures.temporaryDirectory())
        all.scorer = BannerScorer(segments: segments)
        let everything = try Generator(engine: Fixtures.engine).run(all)
        let best = Dictionary(grouping: everything.entries, by: \.productID).mapValues { group in
            group.max { ($0.scores["f_18_34_kr"] ?? 0) < ($1.scores["f_18_34_kr"] ?? 0) }!.id
        }
        for entry in report.entries where entry.ranks["f_18_34_kr"] == 1 {
            #expect(best[entry.productID] == entry.id)
        }
    }

    @Test func aBrandViolationRejectsTheBannerWhateverItsScore() throws {
        let folder = Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(at: Fixtures.examples.appendingPathComponent("brand"), to: folder.appendingPathComponent("brand"))
        let text = try String(contentsOf: Fixtures.examples.appendingPathComponent("brand.yaml"), encoding: .utf8)
        let brandURL = folder.appendingPathComponent("brand.yaml")
        // Body text nearly the colour of the background: about 1.3:1.
        try text.replacingOccurrences(of: "text: \"#1C1C1C\"", with: "text: \"#E4DED4\"").write(to: brandURL, atomically: true, encoding: .utf8)
        let engine = try Engine(fonts: Fixtures.fonts, brandURL: brandURL, templates: [Fixtures.repositoryRoot.appendingPathComponent("Templates/stock-hero.yaml")])
        var options = options(Fixtures.temporaryDirectory())
        options.variants = 1
        let report = try Generator(engine: engine).run(options)
        #expect(report.entries.isEmpty)
        #expect(!report.errors.isEmpty && report.errors.allSatisfy { $0.error.code == .brandViolation })
        let first = try #require(report.errors.first?.error)
        #expect(first.message.contains("contrast") && first.location?.line != nil && first.location?.element == "stock-hero", "\(first)")
    }
}
