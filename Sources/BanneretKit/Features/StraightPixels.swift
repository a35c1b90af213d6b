import Foundation

/// Reads a rendered banner as straight (not premultiplied) 8-bit sRGB, the
/// values every colour formula here is defined on. Cairo keeps ARGB32
/// premultiplied; rendered banners are opaque (the background is painted
/// first), so the division only runs for translucent pixels, and a fully
/// transparent one reads as black, as ``PixelBuffer/color(x:y:)`` does.
struct StraightPixels {
    struct RGB: Hashable {
        var red: Int
        var green: Int
        var blue: Int
    }

    let buffer: PixelBuffer
    private let bytes: UnsafePointer<UInt8>

    init(_ buffer: PixelBuffer) {
        self.buffer = buffer
        bytes = UnsafePointer(buffer.bytes.assumingMemoryBound(to: UInt8.self))
    }

    var width: Int { buffer.width }
    var height: Int { buffer.height }

    /// The pixel at (x, y); the buffer is kept alive by this value.
    @inline(__always)
    func rgb(_ x: Int, _ y: Int) -> RGB {
        let p = bytes + (y * buffer.stride + x * 4)
        let alpha = Int(p[3])
        if alpha == 255 { return RGB(red: Int(p[2]), green: Int(p[1]), blue: Int(p[0])) }
        guard alpha > 0 else { return RGB(red: 0, green: 0, blue: 0) }
        func straight(_ c: UInt8) -> Int { min(255, (Int(c) * 255 + alpha / 2) / alpha) }
        return RGB(red: straight(p[2]), green: straight(p[1]), blue: straight(p[0]))
    }

    /// WCAG 2.x relative luminance of 8-bit sRGB components, by table.
    @inline(__always)
    static func relativeLuminance(_ c: RGB) -> Double {
        0.2126 * linear[c.red] + 0.7152 * linear[c.green] + 0.0722 * linear[c.blue]
    }

    /// sRGB component (0...255) to linear light, with WCAG's 0.04045 threshold
    /// so luminances match ``Color/relativeLuminance`` exactly.
    static let linear: [Double] = (0 ..< 256).map { value in
        let c = Double(value) / 255
        return c <= 0.04045 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
    }
}

extension StraightPixels.RGB {
    init(_ color: Color) {
        func byte(_ v: Double) -> Int { Int((min(max(v, 0), 1) * 255).rounded()) }
        self.init(red: byte(color.red), green: byte(color.green), blue: byte(color.blue))
    }
}
