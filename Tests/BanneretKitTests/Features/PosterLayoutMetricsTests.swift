import Foundation
import Testing
@testable import BanneretKit

@Suite struct PosterLayoutMetricsTests {
    static let canvas = Rect(x: 0, y: 0, width: 100, height: 100)

    func box(_ id: String, _ x: Double, _ y: Double, _ w: Double, _ h: Double,
             _ role: LayoutElement.Role = .text) -> LayoutElement {
        LayoutElement(id: id, frame: Rect(x: x, y: y, width: w, height: h), role: role, paintOrder: 0)
    }

    @Test func overlapOfTwoBoxesIsTheirIntersectionOverUnion() {
        // 10×10 boxes shifted by half a side: 50 shared, 150 in the union.
        let a = box("a", 0, 0, 10, 10), b = box("b", 5, 0, 10, 10)
        #expect(abs(PosterLayoutMetrics.overlap([a, b]) - 1.0 / 3) < 1e-12)
    }

    @Test func overlapIsTheMeanOverPairsAndIgnoresUnderlays() {
        let a = box("a", 0, 0, 10, 10), b = box("b", 5, 0, 10, 10), far = box("far", 80, 80, 10, 10)
        let card = box("card", 0, 0, 100, 100, .underlay)
        // Pairs (a,b) = 1/3, (a,far) = 0, (b,far) = 0; the card under everything is not a pair.
        #expect(abs(PosterLayoutMetrics.overlap([a, b, far, card]) - 1.0 / 9) < 1e-12)
        #expect(PosterLayoutMetrics.overlap([a]) == 0)
        #expect(PosterLayoutMetrics.overlap([a, box("c", 50, 50, 10, 10)]) == 0)
    }

    @Test func alignedElementsScoreZeroAndMisalignedOnesMore() {
        // Both share the left edge x = 10.
        let aligned = [box("a", 10, 10, 30, 10), box("b", 10, 40, 50, 20)]
        #expect(PosterLayoutMetrics.alignment(aligned, canvas: Self.canvas) == 0)
        // Nearest of the six lines are 0.1 apart (left 10 vs 20, top 10 vs 40, …):
        // each element scores −log10(1 − 0.1).
        let misaligned = [box("a", 10, 10, 30, 10), box("b", 20, 40, 50, 20)]
        let score = PosterLayoutMetrics.alignment(misaligned, canvas: Self.canvas)
        #expect(abs(score - -log10(0.9)) < 1e-12)
        // Nudging one edge closer to the other makes the layout better aligned, never worse.
        let nearlyAligned = [box("a", 10, 10, 30, 10), box("b", 12, 40, 50, 20)]
        #expect(PosterLayoutMetrics.alignment(nearlyAligned, canvas: Self.canvas) < score)
        #expect(PosterLayoutMetrics.alignment([box("a", 10, 10, 30, 10)], canvas: Self.canvas) == 0)
    }

    @Test func alignmentUsesCentreLinesToo() {
        // Different widths, same horizontal centre (50): aligned by centre.
        let centred = [box("a", 40, 10, 20, 10), box("b", 30, 50, 40, 10)]
        #expect(PosterLayoutMetrics.alignment(centred, canvas: Self.canvas) == 0)
    }

    @Test func validityIsTheShareOfBoxesCoveringATenthOfAPercent() throws {
        // 0.1 % of 100×100 is 10 px²: 4×3 passes, 3×3 does not, and a box mostly off the canvas is clipped first.
        let elements = [box("big", 0, 0, 4, 3), box("small", 50, 50, 3, 3), box("off", 98, 98, 10, 10)]
        let validity = try #require(PosterLayoutMetrics.validity(elements, canvas: Self.canvas))
        #expect(abs(validity - 1.0 / 3) < 1e-12)
        #expect(PosterLayoutMetrics.validity([], canvas: Self.canvas) == nil)
    }
}
