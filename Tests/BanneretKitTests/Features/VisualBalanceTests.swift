import Testing
@testable import BanneretKit

@Suite struct VisualBalanceTests {
    func offset(_ buffer: PixelBuffer, background: Fill = .solid(.white)) -> Double {
        VisualBalance.offset(pixels: StraightPixels(buffer), grid: SamplingGrid(width: buffer.width, height: buffer.height),
                             background: background)
    }

    @Test func plainBackgroundIsBalanced() {
        #expect(offset(paintedBuffer(width: 90, height: 60, .white)) == 0)
    }

    @Test func weightOnOneSidePullsTheCentroidOff() {
        let buffer = paintedBuffer(width: 90, height: 60, .white)
        paint(buffer, x: 0, y: 0, width: 30, height: 60, .black)
        // All weight in the left third: centroid x = 15 of 90, 2/3 of the half-width left of centre.
        #expect(abs(offset(buffer) - (2.0 / 3) / 2.0.squareRoot()) < 1e-9)
    }

    @Test func symmetricWeightIsBalanced() {
        let buffer = paintedBuffer(width: 90, height: 60, .white)
        paint(buffer, x: 0, y: 0, width: 30, height: 60, .black)
        paint(buffer, x: 60, y: 0, width: 30, height: 60, .black)
        #expect(offset(buffer) < 1e-9)
    }

    @Test func aCornerBlockWeighsTowardTheCorner() {
        let buffer = paintedBuffer(width: 90, height: 60, .white)
        paint(buffer, x: 0, y: 0, width: 9, height: 6, .black)
        #expect(offset(buffer) > 0.85)
    }

    @Test func theBackgroundGradientItselfWeighsNothing() {
        // A vertical gradient painted as the fill predicts (to 8 bits): next to no weight anywhere.
        let buffer = PixelBuffer(width: 30, height: 90)
        for y in 0 ..< 90 {
            let t = (Double(y) + 0.5) / 90
            paint(buffer, x: 0, y: y, width: 30, height: 1, Color(red: t, green: t, blue: t))
        }
        let gradient = Fill.linearGradient(from: .black, to: .white, angle: 90)
        #expect(offset(buffer, background: gradient) < 0.01)
        #expect(offset(buffer, background: .solid(.white)) > 0.1)
    }
}
