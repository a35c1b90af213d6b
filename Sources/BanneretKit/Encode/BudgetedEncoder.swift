import Foundation

/// Encodes a banner so its file fits a byte budget (see ``ByteBudget``),
/// giving up as little quality as it must, and refusing rather than
/// shipping a file the ad server would reject.
///
/// - JPEG: the requested quality with standard Huffman tables if it fits,
///   else with optimised tables, else the highest quality down to
///   ``qualityFloor`` that fits (`QualitySearch`).
/// - Lossy WebP: the requested quality if it fits, else the highest quality
///   down to ``qualityFloor`` that does.
/// - PNG: truecolour if it fits, else a palette PNG, trying
///   `PaletteEncoder.ladder` from most to least faithful.
/// - Lossless WebP: as asked if it fits, else lossy WebP searched down from
///   ``losslessFallbackQuality``. Lossless has no quality knob to turn, and
///   lossy WebP keeps the file type, alpha included, so nothing downstream
///   changes but the bytes.
///
/// The container never changes: a caller who asked for PNG gets a PNG.
public enum BudgetedEncoder {
    /// The lowest JPEG or WebP quality the search will use. Below about 40,
    /// block edges and ringing show around small text, the part of a banner
    /// that must stay readable; a banner that only fits lower is refused
    /// with `budget.exceeded` so someone can choose a bigger budget or a
    /// simpler design.
    public static let qualityFloor = 40

    /// Where the lossy search starts when lossless WebP is over budget: high
    /// enough that text edges stay clean, and the search walks down from it.
    public static let losslessFallbackQuality = 90

    /// Encodes `pixels` as `format` within `maxBytes`; with no budget the
    /// bytes are exactly ``BannerEncoder``'s.
    ///
    /// - Throws: `budget.exceeded` naming the smallest size reached and the
    ///   budget when nothing fits; `budget.invalid` for a budget below one byte.
    public static func encode(_ pixels: PixelBuffer, as format: OutputFormat, maxBytes: Int?) throws -> BudgetedResult {
        guard let maxBytes else {
            return BudgetedResult(data: try BannerEncoder.encode(pixels, as: format), format: format,
                                  fellBack: false, attempts: 1)
        }
        guard maxBytes > 0 else {
            throw BanneretError(.budgetInvalid, "a byte budget must be at least 1 byte, not \(maxBytes)")
        }
        switch format {
        case .jpeg(let quality):
            // Standard Huffman tables first: most banners fit far inside their
            // budget, and the optimising pass would cost 40 % more time for
            // bytes no ad server asked to save. Over budget, the same quality
            // with optimised tables comes next, then lower qualities with them.
            let requested = min(max(quality, 1), 100)
            let quick = try BannerEncoder.encode(pixels, as: format)
            if quick.count <= maxBytes {
                return BudgetedResult(data: quick, format: format, fellBack: false, attempts: 1)
            }
            return try searchQuality(pixels, requested: requested, maxBytes: maxBytes, fellBackAlready: false,
                                     attemptsSoFar: 1, smallestSoFar: (quick.count, "quality \(requested), standard tables"),
                                     smallestJPEG: true) { .jpeg(quality: $0) }
        case .webp(let quality, false):
            return try searchQuality(pixels, requested: min(max(quality, 0), 100), maxBytes: maxBytes,
                                     fellBackAlready: false, attemptsSoFar: 0) { .webp(quality: $0, lossless: false) }
        case .webp(_, true):
            let lossless = try BannerEncoder.encode(pixels, as: format)
            if lossless.count <= maxBytes {
                return BudgetedResult(data: lossless, format: format, fellBack: false, attempts: 1)
            }
            return try searchQuality(pixels, requested: losslessFallbackQuality, maxBytes: maxBytes,
                                     fellBackAlready: true, attemptsSoFar: 1,
                                     smallestSoFar: (lossless.count, "lossless")) { .webp(quality: $0, lossless: false) }
        case .png(let compression):
            return try fitPNG(pixels, compression: compression, maxBytes: maxBytes)
        case .pdf, .svg:
            throw BanneretError(.encodeFailed, "\(format.name) is drawn from the layout, not encoded from pixels")
        }
    }

    private static func searchQuality(_ pixels: PixelBuffer, requested: Int, maxBytes: Int, fellBackAlready: Bool,
                                      attemptsSoFar: Int, smallestSoFar: (bytes: Int, label: String)? = nil,
                                      smallestJPEG: Bool = false, format: (Int) -> OutputFormat) throws -> BudgetedResult {
        let outcome = try QualitySearch.highestFitting(requested: requested, floor: qualityFloor, maxBytes: maxBytes) {
            try BannerEncoder.encode(pixels, as: format($0), smallestJPEG: smallestJPEG)
        }
        if let fitting = outcome.fitting {
            return BudgetedResult(data: fitting.data, format: format(fitting.quality),
                                  fellBack: fellBackAlready || fitting.quality != requested,
                                  attempts: attemptsSoFar + outcome.attempts)
        }
        var smallest = (bytes: outcome.smallest.bytes, label: "quality \(outcome.smallest.quality)")
        if let smallestSoFar, smallestSoFar.bytes < smallest.bytes { smallest = smallestSoFar }
        throw exceeded(format(requested).name, pixels, maxBytes: maxBytes, smallest: smallest)
    }

    private static func fitPNG(_ pixels: PixelBuffer, compression: Int, maxBytes: Int) throws -> BudgetedResult {
        let format = OutputFormat.png(compression: compression)
        let truecolour = try BannerEncoder.encode(pixels, as: format)
        if truecolour.count <= maxBytes {
            return BudgetedResult(data: truecolour, format: format, fellBack: false, attempts: 1)
        }
        var attempts = 1
        var smallest = (bytes: truecolour.count, label: "truecolour")
        var last: BudgetedResult.Palette?
        for step in PaletteEncoder.ladder {
            // A step allowing as many colours and as high a quality as the last
            // palette reached would reproduce it byte for byte.
            if let last, step.maxColors >= last.colors, step.maxQuality >= last.quality { continue }
            attempts += 1
            guard let encoded = try PaletteEncoder.encode(pixels, step: step, compression: compression) else { continue }
            if encoded.data.count <= maxBytes {
                return BudgetedResult(data: encoded.data, format: format, palette: encoded.palette, fellBack: true,
                                      attempts: attempts)
            }
            if encoded.data.count < smallest.bytes {
                smallest = (encoded.data.count, "\(encoded.palette.colors)-colour palette")
            }
            last = encoded.palette
        }
        throw exceeded("png", pixels, maxBytes: maxBytes, smallest: smallest)
    }

    private static func exceeded(_ name: String, _ pixels: PixelBuffer, maxBytes: Int,
                                 smallest: (bytes: Int, label: String)) -> BanneretError {
        BanneretError(.budgetExceeded,
                      "\(pixels.width)x\(pixels.height) \(name) does not fit in \(maxBytes) bytes: the smallest "
                          + "encoding reached (\(smallest.label)) is \(smallest.bytes) bytes; raise the budget, "
                          + "choose another format, or simplify the design")
    }
}
