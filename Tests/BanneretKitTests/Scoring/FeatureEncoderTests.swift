import Foundation
import Testing
@testable import BanneretKit

@Suite struct FeatureEncoderTests {
    func object(_ json: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
    }

    @Test func numbersStayBooleansBecomeZeroOrOneTextBecomesOneHot() throws {
        let features = try FeatureEncoder.encode(
            object(#"{"warmth": 0.25, "count": 3, "discount_shown": true, "cta_uppercase": false, "cta": "Shop now", "unknown": null}"#),
            code: .logInvalid, at: Location(file: "log.jsonl", line: 4))
        #expect(features.values == ["warmth": 0.25, "count": 3, "discount_shown": 1, "cta_uppercase": 0, "cta=Shop now": 1])
        #expect(features["unknown"] == 0, "null is left out and counts as 0")
    }

    @Test func listsAndObjectsAreRefusedWithTheirField() throws {
        #expect {
            _ = try FeatureEncoder.encode(object(#"{"warmth": [1, 2]}"#), code: .logInvalid, at: Location(file: "log.jsonl", line: 4))
        } throws: { error in
            let error = error as? BanneretError
            return error?.location?.field == "features.warmth" && error?.location?.line == 4 && error?.code == .logInvalid
        }
    }

    @Test func aOneHotNameThatCollidesIsRefused() throws {
        #expect(throws: BanneretError.self) {
            _ = try FeatureEncoder.encode(object(#"{"cta": "go", "cta=go": 0.5}"#), code: .logInvalid, at: Location(file: "x"))
        }
    }
}
