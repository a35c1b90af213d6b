import BanneretKit
import Foundation
import Testing

/// The library as an embedding pipeline sees it: public API only.
@Suite struct BannerStudioTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = root.appendingPathComponent("Examples")
    static let studio = try! BannerStudio(fonts: root.appendingPathComponent("Fonts"),
                                          brand: examples.appendingPathComponent("brand.yaml"),
                                          templates: [root.appendingPathComponent("Templates/stock-hero.yaml")],
                                          scorer: BannerScorer(segments: try! SegmentsLoader.load(examples.appendingPathComponent("segments.yaml"))),
                                          concurrency: 2)
    let mug = Product(id: "M1", title: "Ceramic Mug", price: Money(amount: 18, currency: "USD"))
    var mugImage: String { Self.examples.appendingPathComponent("images/ceramic-mug.png").path }

    @Test func rendersOneBannerWithBytesFeaturesAndScores() async throws {
        let banner = try await Self.studio.render(mug, size: BannerSize(width: 300, height: 250), imagePath: mugImage,
                                                  format: .defaultJPEG)
        #expect(banner.encoded.starts(with: [0xFF, 0xD8, 0xFF]), "a JPEG")
        #expect(banner.pixels.width == 300 && banner.pixels.height == 250)
        #expect((banner.features["contrast_min"] ?? 0) >= 4.5 && banner.features["layout_validity"] == 1)
        #expect(banner.scores.count == 9 && banner.scores["total"] != nil && banner.scores.values.allSatisfy { $0 > 0 && $0 < 1 })
        #expect(banner.warnings.isEmpty)
    }

    @Test func manyTasksAtOnceGiveTheSameBytesAsOne() async throws {
        let size = BannerSize(width: 728, height: 90)
        let alone = try await Self.studio.render(mug, size: size, imagePath: mugImage).encoded
        let together = try await withThrowingTaskGroup(of: Data.self) { group in
            for _ in 0 ..< 12 {
                group.addTask { try await Self.studio.render(mug, size: size, imagePath: mugImage).encoded }
            }
            return try await group.reduce(into: [Data]()) { $0.append($1) }
        }
        #expect(together.count == 12 && together.allSatisfy { $0 == alone })
    }

    @Test func problemsAreTypedErrors() async {
        let long = Product(id: "L", title: String(repeating: "Unbreakablewordthatneverfits", count: 12))
        do {
            _ = try await Self.studio.render(long, size: BannerSize(width: 320, height: 50))
            Issue.record("text that cannot fit must be refused")
        } catch let error as BanneretError {
            #expect(error.code == .textOverflow)
        } catch {
            Issue.record("unexpected \(error)")
        }
        await #expect(throws: BanneretError.self) { _ = try await Self.studio.render(mug, size: BannerSize(width: 300, height: 250), template: "nope") }
    }

    @Test func streamsAGenerationInFeedOrder() async throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("banneret-api-\(UUID().uuidString)")
        let options = GenerationOptions(feedURL: Self.examples.appendingPathComponent("feed.jsonl"),
                                        sizes: [BannerSize(width: 300, height: 250)], outputDirectory: out, jobs: 2)
        var streamed: [ManifestEntry] = []
        var report: GenerationReport?
        for try await event in Self.studio.generate(options) {
            switch event {
            case .banners(let entries): streamed += entries
            case .progress: break
            case .finished(let finished): report = finished
            }
        }
        #expect(report?.bannersWritten == 14 && streamed.count == 14)
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
        #expect(manifest.split(separator: "\n").count == 14)
        #expect(streamed.allSatisfy { !$0.scores.isEmpty }, "the studio's scorer is used")
        // The same run again finds everything done.
        var again: GenerationReport?
        for try await event in Self.studio.generate(options) { if case .finished(let finished) = event { again = finished } }
        #expect(again?.bannersReused == 14 && again?.bannersWritten == 0)
    }
}
