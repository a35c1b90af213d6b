import CBanneret
import Foundation

/// Writes a PNG with a palette of at most 256 colours (colour type 3), for
/// banners whose truecolour PNG is over budget. A palette PNG keeps the
/// format the caller asked for, keeps alpha (through tRNS), and is usually
/// a third to a half of the truecolour size; libimagequant picks the
/// colours and Floyd–Steinberg dithering hides the banding in gradients
/// and photos that a plain nearest-colour mapping would show.
enum PaletteEncoder {
    /// One rung of the ladder: how many colours, how faithful, how much dither.
    struct Step: Sendable, Hashable {
        var maxColors: Int
        /// Below this libimagequant quality the step gives up rather than ship a poor image.
        var minQuality: Int
        /// libimagequant stops adding colours once this quality is reached.
        var maxQuality: Int
        /// 0 (none) ... 1 (full Floyd–Steinberg).
        var dithering: Float
    }

    /// Tried in order until one fits. The first asks for an image that
    /// passes for the original (quality 60 at least); the later ones trade
    /// fidelity for bytes with fewer colours, and the last two dither less,
    /// because dither noise is what deflate compresses worst.
    static let ladder: [Step] = [
        Step(maxColors: 256, minQuality: 60, maxQuality: 100, dithering: 1),
        Step(maxColors: 256, minQuality: 0, maxQuality: 80, dithering: 1),
        Step(maxColors: 128, minQuality: 0, maxQuality: 60, dithering: 1),
        Step(maxColors: 64, minQuality: 0, maxQuality: 45, dithering: 1),
        Step(maxColors: 32, minQuality: 0, maxQuality: 30, dithering: 0.5),
        Step(maxColors: 16, minQuality: 0, maxQuality: 20, dithering: 0),
    ]

    struct Encoded {
        var data: Data
        var palette: BudgetedResult.Palette
    }

    /// The indexed PNG for one step, or nil when libimagequant cannot reach
    /// the step's minimum quality with its colours.
    static func encode(_ pixels: PixelBuffer, step: Step, compression: Int) throws -> Encoded? {
        var options = bnr_quantize_options(max_colors: Int32(step.maxColors), min_quality: Int32(step.minQuality),
                                           max_quality: Int32(step.maxQuality), dithering: step.dithering)
        var quantized = bnr_quantized()
        let status = bnr_quantize(pixels.bytes.assumingMemoryBound(to: UInt8.self), UInt32(pixels.width),
                                  UInt32(pixels.height), UInt32(pixels.stride), &options, &quantized)
        if status == BNR_ERR_QUALITY { return nil }
        guard status == BNR_OK, let indices = quantized.indices else {
            throw BanneretError(.encodeFailed, "png palette: \(message(quantized.error))")
        }
        defer { bnr_free(indices) }
        var encoded = bnr_encoded()
        let written = withUnsafeBytes(of: quantized.palette) { palette in
            bnr_png_encode_indexed(indices, UInt32(pixels.width), UInt32(pixels.height),
                                   palette.bindMemory(to: UInt8.self).baseAddress, quantized.colors,
                                   Int32(min(max(compression, 0), 12)), &encoded)
        }
        guard written == BNR_OK, let output = encoded.bytes else {
            throw BanneretError(.encodeFailed, "png palette writer: \(message(encoded.error))")
        }
        return Encoded(data: Data(bytesNoCopy: output, count: encoded.length, deallocator: .free),
                       palette: BudgetedResult.Palette(colors: Int(quantized.colors), quality: Int(quantized.quality)))
    }

    private static func message<T>(_ error: T) -> String {
        let text = withUnsafeBytes(of: error) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        return text.isEmpty ? "out of memory" : text
    }
}
