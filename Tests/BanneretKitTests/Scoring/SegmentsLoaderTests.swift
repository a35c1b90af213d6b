import Foundation
import Testing
@testable import BanneretKit

@Suite struct SegmentsLoaderTests {
    static let valid = """
    segments:
      - id: f_18_34_kr
        description: Women 18-34 in Korea
        attributes: { gender: f, age: 18-34, region: KR }
        weights: { colorfulness_norm: 0.4, discount_shown: 0.3 }
        bias: -3.8
      - id: m_55_plus_us
        attributes: { gender: m, age: 55+, region: US }
        bias: -4
    """

    func loadingError(_ text: String) -> BanneretError? {
        do {
            _ = try SegmentsLoader.parse(text, file: "segments.yaml")
            return nil
        } catch let error as BanneretError {
            return error
        } catch {
            Issue.record("unexpected \(error)")
            return nil
        }
    }

    @Test func loadsSegmentsWithTheirAttributesAndPriors() throws {
        let segments = try SegmentsLoader.parse(Self.valid, file: "segments.yaml")
        #expect(segments.map(\.id) == ["f_18_34_kr", "m_55_plus_us"])
        #expect(segments[0].attributes == ["gender": "f", "age": "18-34", "region": "KR"])
        #expect(segments[0].weights == ["colorfulness_norm": 0.4, "discount_shown": 0.3])
        #expect(segments[1].weights.isEmpty && segments[1].bias == -4)
        // logistic(0.4·1 + 0.3·1 − 3.8) = logistic(−3.1); features not given count 0.
        let ctr = segments[0].predictedCTR(["colorfulness_norm": 1, "discount_shown": 1, "warmth": 5])
        #expect(abs(ctr - 1 / (1 + exp(3.1))) < 1e-12)
    }

    @Test func theExamplesSegmentsAreAFullGridOfPriorsOverEveryBannerFeature() throws {
        let segments = try SegmentsLoader.load(Fixtures.examples.appendingPathComponent("segments.yaml"))
        #expect(segments.count == 8)
        #expect(Set(segments.map { "\($0.attributes["gender"]!) \($0.attributes["age"]!) \($0.attributes["region"]!)" }).count == 8)
        for segment in segments {
            #expect(Set(segment.weights.keys) == Set(ScoringFeatures.names), "\(segment.id)")
            // A typical banner is meant to sit near a 2 % CTR in every segment.
            let typical: FeatureVector = ["contrast_min": 7, "colorfulness_norm": 0.5, "brightness": 0.5, "warmth": 0.5,
                                          "saturation": 0.5, "whitespace": 0.3, "text_area": 0.2, "product_area": 0.35,
                                          "balance": 0.5, "discount_shown": 0.5, "price_led": 0.5, "cta_uppercase": 0.5]
            #expect(abs(segment.predictedCTR(typical) - 0.02) < 0.001, "\(segment.id)")
        }
    }

    @Test func unknownKeysNameTheLineAndTheClosestKey() throws {
        let error = try #require(loadingError(Self.valid.replacingOccurrences(of: "    bias: -4", with: "    bais: -4")))
        #expect(error.code == .segmentsInvalid)
        #expect(error.location?.line == 9 && error.location?.file == "segments.yaml", "\(error)")
        #expect(error.message.contains("did you mean 'bias'"), "\(error)")
        let attribute = try #require(loadingError(Self.valid.replacingOccurrences(of: "{ gender: m,", with: "{ gendre: m,")))
        #expect(attribute.location?.line == 8 && attribute.message.contains("did you mean 'gender'"), "\(attribute)")
    }

    @Test func misspeltFeaturesAreRefusedWithTheClosestKnownOne() throws {
        let error = try #require(loadingError(Self.valid.replacingOccurrences(of: "colorfulness_norm: 0.4", with: "colourfulness_norm: 0.4")))
        #expect(error.location?.line == 5, "\(error)")
        #expect(error.message.contains("did you mean 'colorfulness_norm'"), "\(error)")
        // One-hot text features cannot be listed in advance and are let through.
        #expect(try SegmentsLoader.parse(Self.valid.replacingOccurrences(of: "colorfulness_norm: 0.4", with: "\"cta=Shop now\": 0.4"),
                                         file: "segments.yaml")[0].weights["cta=Shop now"] == 0.4)
    }

    @Test func badValuesNameTheirLine() throws {
        let age = try #require(loadingError(Self.valid.replacingOccurrences(of: "age: 55+", with: "age: old")))
        #expect(age.location?.line == 8 && age.message.contains("18-34"), "\(age)")
        let weight = try #require(loadingError(Self.valid.replacingOccurrences(of: "discount_shown: 0.3", with: "discount_shown: lots")))
        #expect(weight.location?.line == 5 && weight.message.contains("number"), "\(weight)")
        let duplicate = try #require(loadingError(Self.valid.replacingOccurrences(of: "id: m_55_plus_us", with: "id: f_18_34_kr")))
        #expect(duplicate.location?.line == 7 && duplicate.message.contains("twice"), "\(duplicate)")
        let noBias = try #require(loadingError(Self.valid.replacingOccurrences(of: "    bias: -4", with: "")))
        #expect(noBias.location?.line == 7 && noBias.message.contains("needs a bias"), "\(noBias)")
        let syntax = try #require(loadingError(Self.valid.replacingOccurrences(of: "region: US }", with: "region: US")))
        #expect(syntax.code == .segmentsInvalid && syntax.location?.line != nil, "\(syntax)")
    }

    @Test func aMissingFileIsReportedAsMissing() {
        #expect {
            _ = try SegmentsLoader.load(URL(fileURLWithPath: "/nonexistent/segments.yaml"))
        } throws: { ($0 as? BanneretError)?.code == .segmentsMissing }
    }
}
