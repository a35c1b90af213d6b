/// A regular grid of sample pixels over the canvas. Whole-banner statistics
/// (colour, saliency, balance) are means over areas, which a grid estimates
/// well; sampling one pixel in `step × step` keeps their cost near
/// constant whatever the banner size (at most 12 000 samples).
struct SamplingGrid: Sendable, Hashable {
    let width: Int
    let height: Int
    let step: Int
    let columns: Int
    let rows: Int

    /// The finest grid with at most `targetSamples` cells.
    init(width: Int, height: Int, targetSamples: Int = 12_000) {
        precondition(width > 0 && height > 0, "empty canvas")
        self.width = width
        self.height = height
        var step = 1
        while ((width + step - 1) / step) * ((height + step - 1) / step) > targetSamples { step += 1 }
        self.step = step
        columns = (width + step - 1) / step
        rows = (height + step - 1) / step
    }

    var count: Int { columns * rows }

    /// The pixel sampled in `column`: the middle of its cell, kept on the canvas.
    func pixelX(_ column: Int) -> Int { min(column * step + step / 2, width - 1) }
    func pixelY(_ row: Int) -> Int { min(row * step + step / 2, height - 1) }

    /// Columns and rows whose sample pixel has its centre inside `rect`.
    func cells(in rect: Rect) -> (columns: Range<Int>, rows: Range<Int>) {
        (span(rect.x, rect.maxX, count: columns, pixel: pixelX), span(rect.y, rect.maxY, count: rows, pixel: pixelY))
    }

    private func span(_ low: Double, _ high: Double, count: Int, pixel: (Int) -> Int) -> Range<Int> {
        var first = 0
        while first < count, Double(pixel(first)) + 0.5 < low { first += 1 }
        var end = first
        while end < count, Double(pixel(end)) + 0.5 < high { end += 1 }
        return first ..< end
    }

    /// Cells covered by any of `rects`, one flag per cell, row by row.
    func mask(covering rects: [Rect]) -> [Bool] {
        var mask = [Bool](repeating: false, count: count)
        for rect in rects {
            let (columnRange, rowRange) = cells(in: rect)
            for row in rowRange {
                for column in columnRange { mask[row * columns + column] = true }
            }
        }
        return mask
    }
}
