import Foundation

/// A banner encoded within a byte budget, with the settings that got it
/// there, so the manifest can say what quality a file actually has rather
/// than what was asked for.
public struct BudgetedResult: Sendable, CustomStringConvertible {
    /// How a PNG was quantised to fit.
    public struct Palette: Sendable, Hashable {
        /// Entries in the PLTE chunk, 1...256.
        public var colors: Int
        /// libimagequant's 0...100 estimate of how faithful the remapped
        /// image is (100: indistinguishable; about 60 and up reads as photo-like).
        public var quality: Int

        public init(colors: Int, quality: Int) {
            self.colors = colors
            self.quality = quality
        }
    }

    /// The file.
    public var data: Data
    /// The settings actually used: the requested ones when they fit, else the
    /// lower quality the search settled on, or lossy WebP where lossless did
    /// not fit. The container (and so the file extension) never changes.
    public var format: OutputFormat
    /// Set when a PNG was written with a palette (colour type 3) to fit.
    public var palette: Palette?
    /// True when the requested settings were over budget and something
    /// smaller was written instead.
    public var fellBack: Bool
    /// Encodes it took, the kept one included: the cost of meeting the budget.
    public var attempts: Int

    public init(data: Data, format: OutputFormat, palette: Palette? = nil, fellBack: Bool, attempts: Int) {
        self.data = data
        self.format = format
        self.palette = palette
        self.fellBack = fellBack
        self.attempts = attempts
    }

    public var description: String {
        guard let palette else { return format.description }
        return "\(format.name) (\(palette.colors)-colour palette, quality \(palette.quality))"
    }
}
