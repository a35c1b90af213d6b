import Testing
@testable import BanneretKit

@Suite struct VariantRankerTests {
    typealias Candidate = VariantRanker.Candidate

    @Test func keepsEachSegmentsTopAndNeverADisqualifiedVariant() {
        let candidates = [
            Candidate(id: "a", disqualifications: [], scores: ["young": 0.010, "older": 0.030]),
            Candidate(id: "b", disqualifications: [], scores: ["young": 0.040, "older": 0.005]),
            Candidate(id: "c", disqualifications: ["text 'price' contrast 2.1 < 4.5"], scores: ["young": 0.090, "older": 0.090]),
            Candidate(id: "d", disqualifications: [], scores: ["young": 0.020, "older": 0.020]),
        ]
        let outcome = VariantRanker(top: 1).rank(candidates, segments: ["young", "older"])
        #expect(outcome.ranking == ["young": ["b"], "older": ["a"]], "the best score loses to a hard failure")
        #expect(outcome.kept == ["a", "b"])
        #expect(outcome.outranked == ["d"])
        #expect(outcome.disqualified == ["c": ["text 'price' contrast 2.1 < 4.5"]])
        let two = VariantRanker(top: 2).rank(candidates, segments: ["young", "older"])
        #expect(two.ranking["young"] == ["b", "d"] && two.kept == ["a", "b", "d"])
    }

    @Test func tiesAndNoModelKeepTheIncomingOrder() {
        let candidates = ["s", "x", "y"].map { Candidate(id: $0, disqualifications: [], scores: [:]) }
        #expect(VariantRanker(top: 2).rank(candidates, segments: ["any"]).ranking["any"] == ["s", "x"])
        #expect(VariantRanker(top: 2).rank(candidates, segments: []).kept == ["s", "x"])
    }
}
