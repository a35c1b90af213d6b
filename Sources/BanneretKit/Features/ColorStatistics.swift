import Foundation

/// Whole-banner colour statistics, over one pixel per cell of a
/// ``SamplingGrid``: thousands of samples estimate each mean, and the colour
/// shares, to well under a percent.
struct ColorStatistics: Sendable, Hashable {
    /// Hasler & Süsstrunk's M3 ("Measuring colourfulness in natural images",
    /// Proc. SPIE 5007, 2003): with rg = R − G and yb = (R + G)/2 − B on
    /// 0...255 sRGB values, σ_rgyb + 0.3 μ_rgyb, where σ_rgyb = √(σ_rg² + σ_yb²)
    /// and μ_rgyb = √(μ_rg² + μ_yb²) (population deviations). 0 for any grey
    /// image; the authors read 15 as slightly, 33 moderately, 45 averagely,
    /// 59 quite, 82 highly and 109 extremely colourful.
    var colorfulness: Double
    /// Mean luma Y′ = 0.2126 R′ + 0.7152 G′ + 0.0722 B′ (ITU-R BT.709 weights,
    /// sRGB's primaries) on gamma-encoded 0...1 values: 0 black, 1 white.
    var brightness: Double
    /// Mean of R − B on 0...1 values, −1...1: positive for warm (red, orange,
    /// yellow) banners, negative for cool (blue) ones, 0 for greys and greens.
    var warmth: Double
    /// Mean HSV saturation (max − min)/max, 0...1 (0 for black).
    var saturation: Double
    /// How many colours make up the banner: the fewest colours, after
    /// quantising each channel to 4 bits (4 096 bins), that together cover
    /// 95 % of the samples. Quantising merges antialiasing shades; the 95 %
    /// leaves out the thin tail of edge blends and photo noise, so a flat
    /// three-colour banner counts 3, not hundreds.
    var colorCount: Int

    /// Share of samples the counted colours must cover.
    static let colorCoverage = 0.95

    init(pixels: StraightPixels, grid: SamplingGrid) {
        var sumRG = 0, sumYB2 = 0, sumRG2 = 0, sumYBsq4 = 0
        var sumLuma = 0.0, sumWarmth = 0, sumSaturation = 0.0
        var histogram = [Int](repeating: 0, count: 4096)
        for row in 0 ..< grid.rows {
            let y = grid.pixelY(row)
            for column in 0 ..< grid.columns {
                let c = pixels.rgb(grid.pixelX(column), y)
                let rg = c.red - c.green
                let yb2 = c.red + c.green - 2 * c.blue   // twice yb, to stay in integers
                sumRG += rg
                sumRG2 += rg * rg
                sumYB2 += yb2
                sumYBsq4 += yb2 * yb2
                sumLuma += 0.2126 * Double(c.red) + 0.7152 * Double(c.green) + 0.0722 * Double(c.blue)
                sumWarmth += c.red - c.blue
                let high = max(c.red, c.green, c.blue), low = min(c.red, c.green, c.blue)
                if high > 0 { sumSaturation += Double(high - low) / Double(high) }
                histogram[(c.red >> 4) << 8 | (c.green >> 4) << 4 | c.blue >> 4] += 1
            }
        }
        let n = Double(grid.count)
        let meanRG = Double(sumRG) / n, meanYB = Double(sumYB2) / (2 * n)
        let varianceRG = max(0, Double(sumRG2) / n - meanRG * meanRG)
        let varianceYB = max(0, Double(sumYBsq4) / (4 * n) - meanYB * meanYB)
        colorfulness = (varianceRG + varianceYB).squareRoot() + 0.3 * (meanRG * meanRG + meanYB * meanYB).squareRoot()
        brightness = sumLuma / (255 * n)
        warmth = Double(sumWarmth) / (255 * n)
        saturation = sumSaturation / n

        let counts = histogram.filter { $0 > 0 }.sorted(by: >)
        let needed = Int((Self.colorCoverage * n).rounded(.up))
        var covered = 0, colors = 0
        for count in counts where covered < needed {
            covered += count
            colors += 1
        }
        colorCount = colors
    }
}
