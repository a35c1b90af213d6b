import Foundation

/// Finds the highest encoder quality whose output fits a byte budget.
///
/// A binary search: file size grows with quality, so halving the range
/// costs one encode per step, six for 84 down to 40 instead of up to 45
/// stepping down one at a time. Size is not strictly monotone in quality
/// (our JPEG writer switches to full-resolution chroma at 90; libwebp's
/// rate control wobbles by a few bytes), so near such a step the search may
/// settle a little below the best quality that would fit. It never returns
/// an encoding it has not measured to fit.
///
/// Pure apart from `encode`, so tests can drive it with made-up sizes.
enum QualitySearch {
    /// One encode that was tried.
    struct Trial: Equatable {
        var quality: Int
        var bytes: Int
    }

    struct Outcome {
        /// The highest fitting quality found and its bytes, or nil if even the floor is over budget.
        var fitting: (quality: Int, data: Data)?
        /// The smallest encoding tried, for the error message when nothing fits.
        var smallest: Trial
        /// Encodes made, the requested quality's included.
        var attempts: Int
    }

    /// Tries `requested` first (most banners fit as asked, for one encode),
    /// then searches `floor...requested - 1`. A floor above `requested` is
    /// lowered to it: the caller asked for less than our floor.
    static func highestFitting(requested: Int, floor: Int, maxBytes: Int,
                               encode: (Int) throws -> Data) rethrows -> Outcome {
        let first = try encode(requested)
        var smallest = Trial(quality: requested, bytes: first.count)
        if first.count <= maxBytes { return Outcome(fitting: (requested, first), smallest: smallest, attempts: 1) }
        var attempts = 1
        var fitting: (quality: Int, data: Data)?
        var low = min(floor, requested), high = requested - 1
        while low <= high {
            let quality = (low + high) / 2
            let data = try encode(quality)
            attempts += 1
            if data.count < smallest.bytes { smallest = Trial(quality: quality, bytes: data.count) }
            if data.count <= maxBytes {
                fitting = (quality, data)
                low = quality + 1
            } else {
                high = quality - 1
            }
        }
        return Outcome(fitting: fitting, smallest: smallest, attempts: attempts)
    }
}
