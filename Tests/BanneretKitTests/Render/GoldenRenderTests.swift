import Foundation
import Testing
@testable import BanneretKit

/// The stock template's renders of tricky inputs (scripts, image formats,
/// orientation) compared with reviewed PNGs under Goldens/.
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
        try expectMatchesGolden(rendered.pixels, at: Fixtures.goldens.appendingPathComponent("\(name)-\(testCase.size).png"))
    }
}
