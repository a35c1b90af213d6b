import Testing
@testable import BanneretKit

@Suite struct FillSamplerTests {
    @Test func solidFillsAreTheSameEverywhere() {
        let sampler = FillSampler(.solid(Color(red: 1, green: 0.5, blue: 0)), over: Rect(x: 0, y: 0, width: 10, height: 10))
        let a = sampler.rgb(x: 0, y: 0), b = sampler.rgb(x: 9, y: 7)
        #expect(a.red == 255 && a.green == 127.5 && a.blue == 0)
        #expect(a == b)
    }

    @Test func verticalGradientRunsFromTopToBottomOfItsFrame() {
        let frame = Rect(x: 10, y: 20, width: 40, height: 100)
        let sampler = FillSampler(.linearGradient(from: .black, to: .white, angle: 90), over: frame)
        #expect(abs(sampler.rgb(x: 30, y: 20).red) < 1e-9)
        #expect(abs(sampler.rgb(x: 30, y: 70).red - 127.5) < 1e-9)
        #expect(abs(sampler.rgb(x: 30, y: 120).red - 255) < 1e-9)
        // Padded beyond its ends, as Cairo's gradients are.
        #expect(sampler.rgb(x: 30, y: 500).red == 255)
    }

    @Test func horizontalGradientRunsFromLeftToRight() {
        let sampler = FillSampler(.linearGradient(from: .black, to: .white, angle: 0),
                                  over: Rect(x: 0, y: 0, width: 200, height: 10))
        #expect(abs(sampler.rgb(x: 50, y: 5).red - 63.75) < 1e-9)
    }
}
