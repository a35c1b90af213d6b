import Foundation
@testable import BanneretKit

/// A gradient under seeded uniform noise of ± `amplitude` per channel: the
/// worst case for every codec, as no predictor or transform can guess noise.
func noisyBuffer(width: Int, height: Int, amplitude: Int, seed: UInt64) -> PixelBuffer {
    var random = SplitMix64(seed: seed)
    let buffer = PixelBuffer(width: width, height: height)
    for y in 0 ..< height {
        let row = buffer.bytes.advanced(by: y * buffer.stride).assumingMemoryBound(to: UInt8.self)
        for x in 0 ..< width {
            let base = [x * 255 / width, y * 255 / height, (x + y) * 255 / (width + height)]
            for c in 0 ..< 3 {
                let noise = Int(random.next() % UInt64(2 * amplitude + 1)) - amplitude
                row[x * 4 + c] = UInt8(min(max(base[c] + noise, 0), 255))
            }
            row[x * 4 + 3] = 255
        }
    }
    return buffer
}

/// Something like a product photo: a lit blob over smooth shading and a soft
/// texture, with ±6 of sensor-like noise, so a truecolour PNG is large but a
/// palette holds it well. With `opaque` false the left edge fades from fully
/// transparent to opaque, as a cut-out's soft edge does.
func photoLikeBuffer(width: Int, height: Int, seed: UInt64, opaque: Bool) -> PixelBuffer {
    var random = SplitMix64(seed: seed)
    let buffer = PixelBuffer(width: width, height: height)
    for y in 0 ..< height {
        let row = buffer.bytes.advanced(by: y * buffer.stride).assumingMemoryBound(to: UInt8.self)
        for x in 0 ..< width {
            let u = Double(x) / Double(width), v = Double(y) / Double(height)
            let dx = u - 0.6, dy = v - 0.45
            let blob = exp(-(dx * dx + dy * dy) * 12)
            let texture = sin(u * 37 + v * 11) * sin(v * 29 - u * 5)
            let rgb = [
                0.25 + 0.55 * blob + 0.12 * texture + 0.15 * v,
                0.35 + 0.35 * blob * (1 - u) + 0.10 * sin(u * 13) + 0.2 * (1 - v),
                0.55 - 0.3 * blob + 0.12 * cos(v * 17 + u * 7) + 0.1 * u,
            ]
            let alpha = opaque || u >= 0.3 ? 255 : u < 0.15 ? 0 : Int((u - 0.15) / 0.15 * 255)
            for (c, value) in rgb.enumerated() {
                let noise = Double(Int(random.next() % 13) - 6) / 255
                let straight = Int((min(max(value + noise, 0), 1) * 255).rounded())
                row[x * 4 + (2 - c)] = UInt8(straight * alpha / 255)   // premultiplied BGRA, as Cairo stores it
            }
            row[x * 4 + 3] = UInt8(alpha)
        }
    }
    return buffer
}
