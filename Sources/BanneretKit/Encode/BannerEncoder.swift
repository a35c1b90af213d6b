import CBanneret
import Foundation

/// Encodes rendered pixels. PNG goes through our own writer on libdeflate
/// (Cairo's `cairo_surface_write_to_png` uses zlib's default level and is
/// about ten times slower for similar size); JPEG through libjpeg-turbo;
/// WebP through libwebp.
public enum BannerEncoder {
    /// - Parameter smallestJPEG: JPEG with image-optimised Huffman tables: the
    ///   same pixels about 10 % smaller, for 40 % more encoding time. Byte
    ///   budgets ask for it when the standard tables do not fit.
    public static func encode(_ pixels: PixelBuffer, as format: OutputFormat, smallestJPEG: Bool = false) throws -> Data {
        var encoded = bnr_encoded()
        let bytes = pixels.bytes.assumingMemoryBound(to: UInt8.self)
        let w = UInt32(pixels.width), h = UInt32(pixels.height), stride = UInt32(pixels.stride)
        let status: bnr_status = switch format {
        case .png(let level): bnr_png_encode(bytes, w, h, stride, Int32(min(max(level, 0), 12)), &encoded)
        case .jpeg(let quality):
            bnr_jpeg_encode(bytes, w, h, stride, Int32(min(max(quality, 1), 100)), smallestJPEG ? 1 : 0,
                            pixels.isOpaque ? 1 : 0, &encoded)
        case .webp(let quality, let lossless):
            bnr_webp_encode(bytes, w, h, stride, Int32(min(max(quality, 0), 100)), lossless ? 1 : 0, &encoded)
        case .pdf, .svg:
            throw BanneretError(.encodeFailed, "\(format.name) is drawn from the layout (BannerRenderer.renderVector), not encoded from pixels")
        }
        guard status == BNR_OK, let output = encoded.bytes else {
            let message = withUnsafeBytes(of: encoded.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            throw BanneretError(.encodeFailed, "\(format.name) encoder: \(message.isEmpty ? "out of memory" : message)")
        }
        return Data(bytesNoCopy: output, count: encoded.length, deallocator: .free)
    }
}
