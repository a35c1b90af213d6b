import Foundation
import Testing
@testable import BanneretKit

/// Renders compared with reviewed PNGs under Goldens/. Pixels may differ by a
/// few levels on a handful of pixels (antialiasing), never more.
/// `make goldens` rewrites them after a deliberate change; look at them before committing.
@Suite struct GoldenRenderTests {
    static let cases: [(name: String, product: String, size: String)] = [
        ("latin-sale-cutout", "HB-1001", "300x250"),
        ("korean-sale", "HB-2001", "300x250"),
        ("arabic-mirrored", "HB-3001", "300x250"),
        ("long-title-wraps", "HB-1002", "160x600"),
        ("transparent-cutout-leaderboard", "HB-1003", "728x90"),
        ("cmyk-jpeg-photo", "HB-1005", "300x250"),
        ("exif-rotated-progressive-jpeg", "HB-1006", "300x250"),
        ("emoji-webp-korean", "HB-2004", "300x250"),
        ("mixed-scripts-palette-png", "HB-5001", "728x90"),
    ]

    @Test(arguments: cases.map(\.name))
    func matchesGolden(name: String) throws {
        let testCase = Self.cases.first { $0.name == name }!
        let (product, imagePath) = ExampleProducts.named(testCase.product)
        let worker = RenderWorker(engine: Fixtures.engine)
        let (rendered, _) = try worker.render(product: product, size: try BannerSize(parsing: testCase.size),
                                              imagePath: imagePath,
                                              template: Fixtures.template)
        let png = try BannerEncoder.encode(rendered.pixels, as: .png(compression: 9))
        let url = Fixtures.goldens.appendingPathComponent("\(name)-\(testCase.size).png")
        if ProcessInfo.processInfo.environment["BANNERET_UPDATE_GOLDENS"] == "1" {
            try png.write(to: url)
            print("wrote golden \(url.lastPathComponent)")
            return
        }
        guard let golden = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no golden at \(url.path); run `make goldens` and review the PNGs")
            return
        }
        let expected = try decodeRaw(golden)
        try #require(expected.width == rendered.pixels.width && expected.height == rendered.pixels.height)
        let difference = PixelDifference(expected, rendered.pixels, tolerance: 8)
        #expect(difference.fractionOver <= 0.001, "\(name): \(difference.fractionOver * 100) % of pixels differ by > 8")
        #expect(difference.mean < 0.5, "\(name): mean difference \(difference.mean)")
    }
}
