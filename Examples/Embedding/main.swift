// A pipeline step that embeds Banneret as a library: it renders the hero
// banner of one product for a landing page, then streams the whole Examples
// catalogue into a folder while reporting progress, as a service would.
//
//   swift run banneret-embedding-example [output-folder]
import BanneretKit
import Foundation

@main
struct EmbeddingExample {
    static func main() async throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let examples = root.appendingPathComponent("Examples")
        let out = URL(fileURLWithPath: CommandLine.arguments.dropFirst().first ?? NSTemporaryDirectory() + "banneret-embedding")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)

        // Built once per process: fonts, templates, brand and segment priors.
        let segments = try SegmentsLoader.load(examples.appendingPathComponent("segments.yaml"))
        let studio = try BannerStudio(fonts: root.appendingPathComponent("Fonts"), brand: examples.appendingPathComponent("brand.yaml"),
                                      templates: [root.appendingPathComponent("Templates")], scorer: BannerScorer(segments: segments))

        // One banner, straight from a product the pipeline already has in memory.
        let product = Product(id: "LP-1", title: "Trailrunner 2 Running Shoes", price: Money(amount: 129, currency: "USD"),
                              salePrice: Money(amount: Decimal(string: "96.75")!, currency: "USD"))
        let hero = try await studio.render(product, size: BannerSize(width: 1200, height: 628),
                                           imagePath: examples.appendingPathComponent("images/trailrunner.png").path,
                                           format: .defaultJPEG)
        try hero.encoded.write(to: out.appendingPathComponent("landing-hero.jpg"))
        let best = hero.scores.max { $0.value < $1.value }
        print("hero: \(hero.encoded.count) bytes, contrast \(hero.features["contrast_min"] ?? 0):1, "
              + "best segment \(best?.key ?? "-") at \(String(format: "%.2f%%", (best?.value ?? 0) * 100))")

        // A whole feed, streamed: banners arrive in feed order as they are written.
        var options = GenerationOptions(feedURL: examples.appendingPathComponent("feed.jsonl"),
                                        sizes: [BannerSize(width: 300, height: 250), BannerSize(width: 728, height: 90)],
                                        format: .defaultJPEG, outputDirectory: out.appendingPathComponent("catalogue"))
        options.variants = 3
        options.top = 1
        for try await event in studio.generate(options) {
            switch event {
            case .banners(let entries): print("  +\(entries.count) banners (\(entries.first?.productID ?? ""))")
            case .progress(let progress): print("  \(progress.groupsDone) product×size done")
            case .finished(let report):
                print("catalogue: \(report.bannersWritten) written, \(report.bannersReused) already there, "
                      + "\(report.rejectedCount) rejected → \(options.outputDirectory.path)")
            }
        }
    }
}
