import Foundation
import Testing
@testable import BanneretKit

/// Compares a render with its reviewed PNG: pixels may differ by a few levels
/// on a handful of pixels (antialiasing), never more. With
/// BANNERET_UPDATE_GOLDENS=1 (`make goldens`) it writes the PNG instead.
func expectMatchesGolden(_ pixels: PixelBuffer, at url: URL, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let png = try BannerEncoder.encode(pixels, as: .png(compression: 9))
    if ProcessInfo.processInfo.environment["BANNERET_UPDATE_GOLDENS"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try png.write(to: url)
        print("wrote golden \(url.lastPathComponent)")
        return
    }
    guard let golden = FileManager.default.contents(atPath: url.path) else {
        Issue.record("no golden at \(url.path); run `make goldens` and review the PNGs", sourceLocation: sourceLocation)
        return
    }
    let expected = try decodeRaw(golden)
    try #require(expected.width == pixels.width && expected.height == pixels.height, sourceLocation: sourceLocation)
    let difference = PixelDifference(expected, pixels, tolerance: 8)
    let name = url.lastPathComponent
    #expect(difference.fractionOver <= 0.001, "\(name): \(difference.fractionOver * 100) % of pixels differ by > 8",
            sourceLocation: sourceLocation)
    #expect(difference.mean < 0.5, "\(name): mean difference \(difference.mean)", sourceLocation: sourceLocation)
}
