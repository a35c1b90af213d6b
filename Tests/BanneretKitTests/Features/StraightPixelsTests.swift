import Testing
@testable import BanneretKit

@Suite struct StraightPixelsTests {
    @Test func translucentPixelsAreUnpremultiplied() {
        let buffer = PixelBuffer(width: 2, height: 1)
        let p = buffer.bytes.assumingMemoryBound(to: UInt8.self)
        // Half-transparent pure red, premultiplied: R 128 of A 128 is a straight 255.
        p[2] = 128
        p[3] = 128
        let pixels = StraightPixels(buffer)
        #expect(pixels.rgb(0, 0) == StraightPixels.RGB(red: 255, green: 0, blue: 0))
        #expect(pixels.rgb(1, 0) == StraightPixels.RGB(red: 0, green: 0, blue: 0))
    }

    @Test func luminanceMatchesTheColourModel() throws {
        for hex in ["#000000", "#FFFFFF", "#767676", "#C2410C", "#0F4C5C"] {
            let color = try #require(Color(hex: hex))
            #expect(abs(StraightPixels.relativeLuminance(StraightPixels.RGB(color)) - color.relativeLuminance) < 1e-12)
        }
    }
}
