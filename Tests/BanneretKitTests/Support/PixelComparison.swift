import CBanneret
import Foundation
@testable import BanneretKit

/// Decodes a PNG without trimming or reorienting, for exact comparisons.
func decodeRaw(_ data: Data) throws -> PixelBuffer {
    var decoded = bnr_decoded()
    let status = data.withUnsafeBytes { raw in
        bnr_png_decode(raw.bindMemory(to: UInt8.self).baseAddress!, raw.count, 1 << 30, &decoded)
    }
    guard status == BNR_OK else { throw BanneretError(.imageCorrupt, "test decode failed") }
    if let exif = decoded.exif { bnr_free(exif) }
    return PixelBuffer(adopting: decoded.pixels, width: Int(decoded.width), height: Int(decoded.height),
                       stride: Int(decoded.stride))
}

/// How two same-sized images differ, channel by channel (0...255).
struct PixelDifference {
    var maximum: Int
    var mean: Double
    /// Fraction of pixels whose largest channel difference exceeds `tolerance`.
    var fractionOver: Double

    init(_ a: PixelBuffer, _ b: PixelBuffer, tolerance: Int) {
        precondition(a.width == b.width && a.height == b.height, "sizes differ")
        var maximum = 0, total = 0, over = 0
        for y in 0 ..< a.height {
            let pa = a.bytes.advanced(by: y * a.stride).assumingMemoryBound(to: UInt8.self)
            let pb = b.bytes.advanced(by: y * b.stride).assumingMemoryBound(to: UInt8.self)
            for x in 0 ..< a.width {
                var pixelMax = 0
                for c in 0 ..< 4 {
                    let d = abs(Int(pa[x * 4 + c]) - Int(pb[x * 4 + c]))
                    pixelMax = max(pixelMax, d)
                    total += d
                }
                maximum = max(maximum, pixelMax)
                if pixelMax > tolerance { over += 1 }
            }
        }
        self.maximum = maximum
        self.mean = Double(total) / Double(a.width * a.height * 4)
        self.fractionOver = Double(over) / Double(a.width * a.height)
    }
}

/// Paints a buffer with a deterministic pattern: gradients, hard edges and translucency.
func patternBuffer(width: Int, height: Int, opaque: Bool) -> PixelBuffer {
    let buffer = PixelBuffer(width: width, height: height)
    for y in 0 ..< height {
        let row = buffer.bytes.advanced(by: y * buffer.stride).assumingMemoryBound(to: UInt8.self)
        for x in 0 ..< width {
            let a = opaque ? 255 : (x * 255 / max(1, width - 1))
            let r = (x * 7 + y * 3) % 256, g = (y * 255) / max(1, height - 1), b = (x / 8 % 2 == 0) ? 200 : 30
            // Premultiply as Cairo stores it.
            row[x * 4 + 0] = UInt8(b * a / 255)
            row[x * 4 + 1] = UInt8(g * a / 255)
            row[x * 4 + 2] = UInt8(r * a / 255)
            row[x * 4 + 3] = UInt8(a)
        }
    }
    return buffer
}
