import Foundation
import Testing
@testable import BanneretKit

@Suite struct ClickMetricsTests {
    static let rows = [
        ClickRow(segment: "a", features: [:], impressions: 10, clicks: 5),
        ClickRow(segment: "a", features: [:], impressions: 10, clicks: 1),
        ClickRow(segment: "a", features: [:], impressions: 4, clicks: 0),
    ]

    @Test func aucCountsEveryImpressionAndTiesHalf() throws {
        // 6 clicks, 18 non-clicks. Ranked high→low: row 0 (5 / 5), row 1 (1 / 9), row 2 (0 / 4).
        // Row 0's clicks beat 13 non-clicks and tie 5; row 1's click beats 4 and ties 9.
        let expected: Double = (5 * 15.5 + 1 * 8.5) / 108
        #expect(try #require(ClickMetrics.auc(predictions: [0.5, 0.1, 0.01], rows: Self.rows)) == expected)
        #expect(try #require(ClickMetrics.auc(predictions: [0.2, 0.2, 0.2], rows: Self.rows)) == 0.5)
        let reversed = try #require(ClickMetrics.auc(predictions: [0.01, 0.1, 0.5], rows: Self.rows))
        #expect(abs(reversed - (1 - expected)) < 1e-15)
        #expect(ClickMetrics.auc(predictions: [0.1], rows: [ClickRow(segment: "a", features: [:], impressions: 3, clicks: 0)]) == nil)
    }

    @Test func logLossIsPerImpressionAndFiniteAtCertainty() throws {
        let loss = try #require(ClickMetrics.logLoss(predictions: [0.5, 0.1, 0.25], rows: Self.rows))
        let clicked: Double = 5 * log(0.5) + 1 * log(0.1)
        let skipped: Double = 5 * log(0.5) + 9 * log(0.9) + 4 * log(0.75)
        let expected = -(clicked + skipped) / 24
        #expect(abs(loss - expected) < 1e-12)
        let certain = try #require(ClickMetrics.logLoss(predictions: [0, 0, 0], rows: Self.rows))
        #expect(certain.isFinite && certain > 1)
    }
}
