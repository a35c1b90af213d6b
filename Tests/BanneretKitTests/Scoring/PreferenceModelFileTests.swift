import Foundation
import Testing
@testable import BanneretKit

@Suite struct PreferenceModelFileTests {
    static let model = PreferenceModel(
        featureNames: ["warmth", "text_area"],
        global: LogisticWeights(weights: [0.5, -1.25], bias: -3.9),
        segments: ["kr": LogisticWeights(weights: [0.9, -0.3], bias: -3.7)],
        trainingCounts: ["kr": .init(rows: 12, impressions: 9000, clicks: 210)], lambda: 10)

    @Test func savesAndLoadsTheSameModel() throws {
        let url = Fixtures.temporaryDirectory().appendingPathComponent("model.json")
        try PreferenceModelFile.save(Self.model, to: url)
        #expect(try PreferenceModelFile.load(url) == Self.model)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text.contains("\"feature_names\"") && text.contains("\"training_counts\""))
    }

    @Test func predictsWithTheSegmentOrTheGlobalModel() {
        let banner: FeatureVector = ["warmth": 1, "text_area": 0.4]
        #expect(abs(Self.model.predict(segment: "kr", features: banner) - 1 / (1 + exp(-(0.9 - 0.12 - 3.7)))) < 1e-15)
        #expect(abs(Self.model.predict(segment: "us", features: banner) - 1 / (1 + exp(-(0.5 - 0.5 - 3.9)))) < 1e-15)
        #expect(Self.model.segmentHint(for: "kt") == " (did you mean 'kr'?)")
    }

    @Test func aModelWhosePartsDoNotFitIsRefusedWithTheField() throws {
        var broken = Self.model
        broken.segments["kr"]!.weights = [1]
        let data = try PreferenceModelFile.encode(broken)
        #expect {
            _ = try PreferenceModelFile.decode(data, file: "model.json")
        } throws: { error in
            let error = error as? BanneretError
            return error?.code == .modelInvalid && error?.location?.field == "segments.kr"
        }
        let lacking = Data(#"{"version": 1, "feature_names": [], "segments": {}, "training_counts": {}, "lambda": 1}"#.utf8)
        #expect {
            _ = try PreferenceModelFile.decode(lacking, file: "model.json")
        } throws: { ($0 as? BanneretError)?.message.contains("'global'") == true }
        #expect {
            _ = try PreferenceModelFile.load(URL(fileURLWithPath: "/nonexistent/model.json"))
        } throws: { ($0 as? BanneretError)?.code == .modelMissing }
    }
}
