import Foundation
import Testing
@testable import BanneretKit

/// The whole loop a marketing team runs: render variants, log clicks, train,
/// and let the model pick each segment's banner.
@Suite struct LearningLoopTests {
    let cli = GenerateCommandTests()

    func manifest(_ folder: URL) throws -> [[String: Any]] {
        try String(contentsOf: folder.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
            .split(separator: "\n").map { try JSONSerialization.jsonObject(with: Data($0.utf8)) as! [String: Any] }
    }

    @Test func segmentsThatClickDifferentlyGetDifferentBanners() throws {
        let folder = cli.temporary()
        let all = folder.appendingPathComponent("all"), ranked = folder.appendingPathComponent("ranked")
        let generated = try cli.run(["generate", "--variants", "8", "--sizes", "300x250", "--out", all.path, "--quiet"])
        #expect(generated.status == 0, "\(generated.stderr)")
        // Two segments with opposite tastes: one clicks colour and price-led copy, the other whitespace and little text.
        let tastes: [String: [String: Double]] = [
            "bold": ["colorfulness_norm": 3, "price_led": 1.5],
            "calm": ["whitespace": 6, "text_area": -6, "colorfulness_norm": -2],
        ]
        var random = SplitMix64(seed: 11)
        var log = ""
        for row in try manifest(all) {
            let metrics = row["metrics"] as! [String: Double]
            for (segment, weights) in tastes.sorted(by: { $0.key < $1.key }) {
                let z = -3.5 + weights.reduce(0) { $0 + (metrics[$1.key] ?? 0) * $1.value }
                let p = 1 / (1 + exp(-z)), impressions = 4_000
                let clicks = (0 ..< impressions).filter { _ in random.nextUnitInterval() < p }.count
                log += "{\"segment\":\"\(segment)\",\"banner_id\":\"\(row["id"]!)\",\"impressions\":\(impressions),\"clicks\":\(clicks)}\n"
            }
        }
        let logURL = folder.appendingPathComponent("clicks.jsonl"), model = folder.appendingPathComponent("model.json")
        try log.write(to: logURL, atomically: true, encoding: .utf8)
        let trained = try cli.run(["train", "--log", logURL.path, "--manifest", all.appendingPathComponent("manifest.jsonl").path,
                                   "--out", model.path])
        #expect(trained.status == 0, "\(trained.stderr)")
        let ranked_ = try cli.run(["generate", "--variants", "8", "--sizes", "300x250", "--model", model.path, "--top", "1",
                                   "--out", ranked.path, "--quiet"])
        #expect(ranked_.status == 0, "\(ranked_.stderr)")
        let entries = try manifest(ranked)
        var differing = 0, products = 0
        for (_, group) in Dictionary(grouping: entries, by: { $0["product_id"] as! String }) {
            func pick(_ segment: String) -> [String: Any]? { group.first { ($0["ranks"] as? [String: Int])?[segment] == 1 } }
            guard let bold = pick("bold"), let calm = pick("calm") else { Issue.record("each segment has a first"); continue }
            products += 1
            if bold["id"] as! String != calm["id"] as! String { differing += 1 }
            let b = bold["metrics"] as! [String: Double], c = calm["metrics"] as! [String: Double]
            #expect(b["colorfulness_norm"]! >= c["colorfulness_norm"]!, "the bold segment's pick is at least as colourful")
        }
        #expect(products == 14 && differing >= 10, "\(differing) of \(products) products differ")
    }
}
