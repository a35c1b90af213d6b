import Testing
@testable import BanneretKit

@Suite struct ColorStatisticsTests {
    func statistics(of buffer: PixelBuffer) -> ColorStatistics {
        ColorStatistics(pixels: StraightPixels(buffer), grid: SamplingGrid(width: buffer.width, height: buffer.height))
    }

    @Test func greyHasNoColourfulnessSaturationOrWarmth() throws {
        let grey = try #require(Color(hex: "#808080"))
        let stats = statistics(of: paintedBuffer(width: 60, height: 40, grey))
        #expect(stats.colorfulness == 0)
        #expect(stats.saturation == 0)
        #expect(stats.warmth == 0)
        #expect(abs(stats.brightness - 128.0 / 255) < 1e-12)
        #expect(stats.colorCount == 1)
    }

    @Test func redIsWarmAndBlueIsCool() {
        let red = statistics(of: paintedBuffer(width: 60, height: 40, Color(red: 1, green: 0, blue: 0)))
        let blue = statistics(of: paintedBuffer(width: 60, height: 40, Color(red: 0, green: 0, blue: 1)))
        #expect(red.warmth == 1)
        #expect(blue.warmth == -1)
        #expect(red.saturation == 1 && blue.saturation == 1)
    }

    @Test func colourfulnessFollowsHaslerAndSuesstrunkM3() {
        // Flat red: rg = 255, yb = 127.5, no spread: M3 = 0.3 · √(255² + 127.5²).
        let red = statistics(of: paintedBuffer(width: 60, height: 40, Color(red: 1, green: 0, blue: 0)))
        #expect(abs(red.colorfulness - 0.3 * (255.0 * 255 + 127.5 * 127.5).squareRoot()) < 1e-9)
        // Half black, half white: rg = 0 and yb = 0 everywhere, so still 0.
        let split = paintedBuffer(width: 60, height: 40, .black)
        paint(split, x: 30, y: 0, width: 30, height: 40, .white)
        #expect(statistics(of: split).colorfulness == 0)
        // Half red, half green: rg = ±255 (σ 255, mean 0), yb = 127.5 everywhere.
        let redGreen = paintedBuffer(width: 60, height: 40, Color(red: 1, green: 0, blue: 0))
        paint(redGreen, x: 30, y: 0, width: 30, height: 40, Color(red: 0, green: 1, blue: 0))
        #expect(abs(statistics(of: redGreen).colorfulness - (255 + 0.3 * 127.5)) < 1e-9)
    }

    @Test func colourCountIgnoresATailBelowFivePercent() {
        let buffer = paintedBuffer(width: 100, height: 100, .white)
        paint(buffer, x: 0, y: 0, width: 40, height: 100, .black)
        // Two scattered odd pixels are far less than 5 % of the samples.
        paint(buffer, x: 50, y: 50, width: 1, height: 1, Color(red: 1, green: 0, blue: 0))
        paint(buffer, x: 70, y: 70, width: 1, height: 1, Color(red: 0, green: 0, blue: 1))
        #expect(statistics(of: buffer).colorCount == 2)
    }
}
