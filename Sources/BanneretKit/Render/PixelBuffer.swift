import Foundation

/// Owned pixels in Cairo's ARGB32 layout: premultiplied, native-endian 32-bit
/// words (B, G, R, A bytes in memory on the little-endian machines we run on).
public final class PixelBuffer: @unchecked Sendable {
    // @unchecked: the memory is written only while a single renderer owns the
    // buffer; once handed out it is read-only.
    public let width: Int
    public let height: Int
    public let stride: Int
    let bytes: UnsafeMutableRawPointer
    /// Every alpha is 255 (the renderer painted an opaque background first):
    /// encoders may read the rows as they are, with no flattening.
    var isOpaque = false

    /// A transparent buffer.
    public init(width: Int, height: Int) {
        precondition(width > 0 && height > 0, "empty pixel buffer")
        self.width = width
        self.height = height
        self.stride = width * 4
        bytes = calloc(stride * height, 1)!
    }

    /// Takes ownership of `malloc`ed memory from the C codecs.
    init(adopting bytes: UnsafeMutableRawPointer, width: Int, height: Int, stride: Int) {
        self.bytes = bytes
        self.width = width
        self.height = height
        self.stride = stride
    }

    deinit { free(bytes) }

    /// The pixel at (x, y) with straight alpha, for tests and metrics.
    public func color(x: Int, y: Int) -> Color {
        let p = bytes.advanced(by: y * stride + x * 4).assumingMemoryBound(to: UInt8.self)
        let a = Double(p[3])
        guard a > 0 else { return Color(red: 0, green: 0, blue: 0, alpha: 0) }
        return Color(red: Double(p[2]) / a, green: Double(p[1]) / a, blue: Double(p[0]) / a, alpha: a / 255)
    }

    /// Raw bytes, row by row, without padding.
    public var data: Data { Data(bytes: bytes, count: stride * height) }
}
