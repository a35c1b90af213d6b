import Foundation
import Testing
@testable import BanneretKit

@Suite struct BannerScorerTests {
    @Test func priorsScoreEverySegmentAndTheirMeanAsTheTotal() {
        let scorer = BannerScorer(segments: [
            Segment(id: "warm", weights: ["warmth": 2], bias: -4),
            Segment(id: "cool", weights: ["warmth": -2], bias: -4),
        ])
        let scores = scorer.scores(FeatureVector(["warmth": 1]))
        #expect(Set(scores.keys) == ["warm", "cool", "total"])
        let warm = 1 / (1 + exp(2.0)), cool = 1 / (1 + exp(6.0))
        #expect(abs(scores["warm"]! - warm) < 1e-12 && abs(scores["cool"]! - cool) < 1e-12)
        #expect(abs(scores["total"]! - (warm + cool) / 2) < 1e-12)
        #expect(scorer.segmentIDs == ["warm", "cool"], "the total is a score, not a segment to rank for")
    }

    @Test func aSegmentCannotTakeTheTotalsName() throws {
        let folder = Fixtures.temporaryDirectory()
        let file = folder.appendingPathComponent("segments.yaml")
        try "segments:\n  - id: total\n    bias: -4\n".write(to: file, atomically: true, encoding: .utf8)
        #expect {
            try SegmentsLoader.load(file)
        } throws: { error in
            (error as? BanneretError)?.code == .segmentsInvalid && (error as? BanneretError)?.location?.line == 2
        }
    }
}
