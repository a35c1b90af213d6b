import CBanneret
import Foundation

/// Limits applied before any pixel is decoded, so a hostile file cannot take
/// the machine down (a 100-byte PNG can declare 65535 × 65535 pixels).
public struct ImageLimits: Sendable, Hashable {
    public var maximumPixels: Int
    public var maximumFileBytes: Int

    public init(maximumPixels: Int = 50_000_000, maximumFileBytes: Int = 64 << 20) {
        self.maximumPixels = maximumPixels
        self.maximumFileBytes = maximumFileBytes
    }
}

/// Turns PNG, JPEG (baseline, progressive, CMYK) and WebP bytes into an
/// upright, premultiplied image trimmed to its visible content.
enum ImageDecoder {
    enum Format: String { case png, jpeg, webp }

    /// Format from the file's first bytes; the extension is not trusted.
    static func sniff(_ data: Data) -> Format? {
        let b = [UInt8](data.prefix(12))
        if b.count >= 8, b[0 ..< 8].elementsEqual([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if b.count >= 3, b[0] == 0xFF, b[1] == 0xD8, b[2] == 0xFF { return .jpeg }
        if b.count >= 12, b[0 ..< 4].elementsEqual(Array("RIFF".utf8)), b[8 ..< 12].elementsEqual(Array("WEBP".utf8)) { return .webp }
        return nil
    }

    static func decode(_ data: Data, source: String, limits: ImageLimits) throws -> DecodedImage {
        let location = Location(file: source)
        guard data.count <= limits.maximumFileBytes else {
            throw BanneretError(.imageTooLarge, "image is \(data.count) bytes, over the limit of \(limits.maximumFileBytes)", at: location)
        }
        guard let format = sniff(data) else {
            throw BanneretError(.imageUnsupported, "not a PNG, JPEG or WebP file (checked its first bytes, not its name)", at: location)
        }
        var decoded = bnr_decoded()
        let status = data.withUnsafeBytes { raw -> bnr_status in
            let bytes = raw.bindMemory(to: UInt8.self).baseAddress!
            let maximum = UInt64(limits.maximumPixels)
            switch format {
            case .png: return bnr_png_decode(bytes, raw.count, maximum, &decoded)
            case .jpeg: return bnr_jpeg_decode(bytes, raw.count, maximum, &decoded)
            case .webp: return bnr_webp_decode(bytes, raw.count, maximum, &decoded)
            }
        }
        let message = withUnsafeBytes(of: decoded.error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        switch status {
        case BNR_OK: break
        case BNR_ERR_TOO_LARGE: throw BanneretError(.imageTooLarge, message, at: location)
        case BNR_ERR_UNSUPPORTED: throw BanneretError(.imageUnsupported, message, at: location)
        default: throw BanneretError(.imageCorrupt, message.isEmpty ? "cannot decode \(format.rawValue) data" : message, at: location)
        }
        var orientation = 1
        if let exif = decoded.exif {
            orientation = ExifOrientation.read(Array(UnsafeBufferPointer(start: exif, count: decoded.exif_length)))
            bnr_free(exif)
        }
        let pixels = PixelBuffer(adopting: decoded.pixels, width: Int(decoded.width),
                                 height: Int(decoded.height), stride: Int(decoded.stride))
        let upright = orientation == 1 ? pixels : reorient(pixels, orientation: orientation)
        guard decoded.has_alpha != 0 else { return DecodedImage(base: upright, hasAlpha: false) }
        guard let trimmed = trimTransparentBorder(upright) else {
            throw BanneretError(.imageCorrupt, "image is fully transparent", at: location)
        }
        return DecodedImage(base: trimmed, hasAlpha: true)
    }

    /// Applies EXIF orientation 2...8 by remapping pixels.
    static func reorient(_ source: PixelBuffer, orientation: Int) -> PixelBuffer {
        let w = source.width, h = source.height
        let swaps = orientation >= 5
        let result = PixelBuffer(width: swaps ? h : w, height: swaps ? w : h)
        let src = source.bytes.assumingMemoryBound(to: UInt32.self)
        let dst = result.bytes.assumingMemoryBound(to: UInt32.self)
        let srcRow = source.stride / 4, dstRow = result.stride / 4
        for dy in 0 ..< result.height {
            for dx in 0 ..< result.width {
                let (sx, sy): (Int, Int) = switch orientation {
                case 2: (w - 1 - dx, dy)
                case 3: (w - 1 - dx, h - 1 - dy)
                case 4: (dx, h - 1 - dy)
                case 5: (dy, dx)
                case 6: (dy, h - 1 - dx)
                case 7: (w - 1 - dy, h - 1 - dx)
                default: (w - 1 - dy, dx)
                }
                dst[dy * dstRow + dx] = src[sy * srcRow + sx]
            }
        }
        return result
    }

    /// Product cut-outs often sit on a large transparent canvas (Saleor's are
    /// 62–87 % empty); laying out the canvas would shrink the product for
    /// nothing. Alpha ≤ 2/255 counts as empty so stray noise does not stop the trim.
    static func trimTransparentBorder(_ image: PixelBuffer) -> PixelBuffer? {
        var minX = image.width, minY = image.height, maxX = -1, maxY = -1
        for y in 0 ..< image.height {
            let row = image.bytes.advanced(by: y * image.stride).assumingMemoryBound(to: UInt8.self)
            var rowMin = -1, rowMax = -1
            for x in 0 ..< image.width where row[x * 4 + 3] > 2 {
                if rowMin < 0 { rowMin = x }
                rowMax = x
            }
            if rowMin >= 0 {
                minX = min(minX, rowMin)
                maxX = max(maxX, rowMax)
                minY = min(minY, y)
                maxY = y
            }
        }
        guard maxX >= 0 else { return nil }
        if minX == 0, minY == 0, maxX == image.width - 1, maxY == image.height - 1 { return image }
        let result = PixelBuffer(width: maxX - minX + 1, height: maxY - minY + 1)
        for y in 0 ..< result.height {
            memcpy(result.bytes.advanced(by: y * result.stride),
                   image.bytes.advanced(by: (minY + y) * image.stride + minX * 4), result.width * 4)
        }
        return result
    }
}
