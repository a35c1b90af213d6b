@testable import BanneretKit

/// A pixel buffer filled with one opaque colour, stored as Cairo stores it.
func paintedBuffer(width: Int, height: Int, _ color: Color) -> PixelBuffer {
    let buffer = PixelBuffer(width: width, height: height)
    paint(buffer, x: 0, y: 0, width: width, height: height, color)
    return buffer
}

/// Paints an opaque rectangle of whole pixels (clipped to the buffer).
func paint(_ buffer: PixelBuffer, x: Int, y: Int, width: Int, height: Int, _ color: Color) {
    func byte(_ v: Double) -> UInt8 { UInt8((min(max(v, 0), 1) * 255).rounded()) }
    for row in max(0, y) ..< min(buffer.height, y + height) {
        let p = buffer.bytes.advanced(by: row * buffer.stride).assumingMemoryBound(to: UInt8.self)
        for column in max(0, x) ..< min(buffer.width, x + width) {
            p[column * 4 + 0] = byte(color.blue)
            p[column * 4 + 1] = byte(color.green)
            p[column * 4 + 2] = byte(color.red)
            p[column * 4 + 3] = 255
        }
    }
}
