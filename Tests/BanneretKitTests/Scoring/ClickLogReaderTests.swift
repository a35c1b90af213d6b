import Foundation
import Testing
@testable import BanneretKit

@Suite struct ClickLogReaderTests {
    static let manifest = ManifestFeatures.parse(Data("""
    {"id": "b1", "path": "b1.png", "metrics": {"warmth": 0.8, "text_area": 0.2}}
    {"id": "b2", "metrics": {"warmth": 0.1, "text_area": 0.4}}
    """.utf8), file: "manifest.jsonl")

    static let log = """
    {"segment": "f_18_34_kr", "banner_id": "b1", "impressions": 1000, "clicks": 25}
    {"segment": "f_18_34_kr", "banner_id": "b2", "impressions": 100, "clicks": 120}
    {"segment": "m_35_54_us", "features": {"warmth": 0.5, "cta": "Shop now"}, "impressions": 800, "clicks": 9, "variant": "warm-cta"}

    {"segment": "m_35_54_us", "banner_id": "b9", "impressions": 10, "clicks": 1}
    {"banner_id": "b1", "impressions": 10, "clicks": 1}
    {"segment": "m_35_54_us", "banner_id": "b2", "impressions": -5, "clicks": 0}
    not json
    {"segment": "m_35_54_us", "banner_id": "b2", "impressions": 50, "click": 3}
    {"segment": "m_35_54_us", "banner_id": "b2", "impressions": 50.5, "clicks": 3}
    {"segment": "m_35_54_us", "banner_id": "b2", "impressions": 500, "clicks": 4}
    """

    static let result = ClickLogReader.read(Data(log.utf8), file: "clicks.jsonl", manifest: manifest)

    func error(line: Int) -> BanneretError? {
        Self.result.errors.first { $0.location?.line == line }
    }

    @Test func goodRowsAreUsedWithFeaturesFromTheManifestOrTheRow() throws {
        let rows = Self.result.rows
        #expect(rows.count == 3)
        #expect(rows[0].features == ["warmth": 0.8, "text_area": 0.2] && rows[0].variant == "b1")
        #expect(rows[0].impressions == 1000 && rows[0].clicks == 25 && rows[0].segment == "f_18_34_kr")
        #expect(rows[1].features == ["warmth": 0.5, "cta=Shop now": 1] && rows[1].variant == "warm-cta")
        #expect(rows[2].source == Location(file: "clicks.jsonl", line: 11) && rows[2].impressions == 500)
    }

    @Test func badRowsNameTheirFileLineAndField() throws {
        #expect(Self.result.errors.count == 7)
        #expect(Self.result.errors.allSatisfy { $0.code == .logInvalid && $0.location?.file == "clicks.jsonl" })
        let tooMany = try #require(error(line: 2))
        #expect(tooMany.location?.field == "clicks" && tooMany.message.contains("exceed"), "\(tooMany)")
        let unknownBanner = try #require(error(line: 5))
        #expect(unknownBanner.location?.field == "banner_id" && unknownBanner.message.contains("b9"), "\(unknownBanner)")
        let noSegment = try #require(error(line: 6))
        #expect(noSegment.location?.field == "segment", "\(noSegment)")
        let negative = try #require(error(line: 7))
        #expect(negative.location?.field == "impressions" && negative.message.contains("negative"), "\(negative)")
        #expect(try #require(error(line: 8)).location?.field == nil)
        let misspelt = try #require(error(line: 9))
        #expect(misspelt.location?.field == "clicks" && misspelt.message.contains("'click'"), "\(misspelt)")
        #expect(try #require(error(line: 10)).location?.field == "impressions")
    }

    @Test func bannerRowsNeedAManifestUnlessOnlyTrafficIsAllocated() throws {
        let line = #"{"segment": "a", "banner_id": "b1", "impressions": 10, "clicks": 1}"#
        let training = ClickLogReader.read(Data(line.utf8), file: "clicks.jsonl")
        #expect(training.rows.isEmpty && training.errors.first?.location?.field == "banner_id")
        let allocation = ClickLogReader.read(Data(line.utf8), file: "clicks.jsonl", requireFeatures: false)
        #expect(allocation.rows.first?.variant == "b1" && allocation.errors.isEmpty)
    }

    @Test func rowsOfSegmentsNotInTheSegmentsFileAreReportedWithTheClosestOne() throws {
        let kept = ClickLogReader.keepingSegments(["f_18_34_kr", "m_35_54_kr"], of: Self.result)
        #expect(kept.rows.map(\.segment) == ["f_18_34_kr"])
        let moved = try #require(kept.errors.first { $0.location?.line == 3 })
        #expect(moved.location?.field == "segment" && moved.message.contains("did you mean 'm_35_54_kr'"), "\(moved)")
        #expect(kept.errors.count == Self.result.errors.count + 2)
    }

    @Test func manifestLinesWithoutMetricsOrWithRepeatedIDsAreReported() {
        let manifest = ManifestFeatures.parse(Data("""
        {"id": "a", "metrics": {"warmth": 1}}
        {"id": "b"}
        {"id": "a", "metrics": {"warmth": 0}}
        """.utf8), file: "manifest.jsonl")
        #expect(manifest.byBannerID == ["a": ["warmth": 1]])
        #expect(manifest.errors.map { $0.location?.line } == [2, 3])
        #expect(manifest.errors.map { $0.location?.field } == ["metrics", "id"])
    }

    @Test func missingFilesAreReportedAsMissing() {
        #expect {
            _ = try ClickLogReader.read(contentsOf: URL(fileURLWithPath: "/nonexistent/clicks.jsonl"))
        } throws: { ($0 as? BanneretError)?.code == .logMissing }
        #expect {
            _ = try ManifestFeatures.load(URL(fileURLWithPath: "/nonexistent/manifest.jsonl"))
        } throws: { ($0 as? BanneretError)?.code == .manifestMissing }
    }

    @Test func rowsToScoreComeFromFeaturesOrManifestMetrics() {
        let result = FeatureRowsReader.read(Data("""
        {"id": "x", "features": {"warmth": 0.5}}
        {"id": "y", "metrics": {"warmth": 0.25}}
        {"id": "z"}
        """.utf8), file: "rows.jsonl")
        #expect(result.rows.map(\.id) == ["x", "y"])
        #expect(result.rows.map { $0.features["warmth"] } == [0.5, 0.25])
        #expect(result.errors.count == 1 && result.errors[0].location?.line == 3 && result.errors[0].location?.field == "features")
    }
}
