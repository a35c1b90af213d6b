/// How far a banner's visual weight sits from its centre: 0 when it is
/// balanced about the centre, 1 when all of it sits in one corner.
///
/// A sample's visual weight is how much it stands out from the plain canvas:
/// its RGB distance from the colour the background fill would show at that
/// point, divided by the largest possible distance (white from black), so
/// 0...1. Untouched background weighs nothing; the product, copy, buttons
/// and cards weigh by their contrast with it. The weight centroid (c_x, c_y)
/// over grid cell centres gives the offset
/// √(((c_x − W/2)/(W/2))² + ((c_y − H/2)/(H/2))²) / √2, normalised per axis
/// so a wide strip and a tall skyscraper compare, and by √2 so the corner is 1.
/// A banner that is plain background everywhere is balanced: 0.
enum VisualBalance {
    static func offset(pixels: StraightPixels, grid: SamplingGrid, background: Fill) -> Double {
        let width = Double(grid.width), height = Double(grid.height)
        let sampler = FillSampler(background, over: Rect(x: 0, y: 0, width: width, height: height))
        let largest = (3.0 * 255 * 255).squareRoot()
        var total = 0.0, sumX = 0.0, sumY = 0.0
        for row in 0 ..< grid.rows {
            let y = grid.pixelY(row)
            let cy = (Double(row * grid.step) + Double(min((row + 1) * grid.step, grid.height))) / 2
            for column in 0 ..< grid.columns {
                let x = grid.pixelX(column)
                let cx = (Double(column * grid.step) + Double(min((column + 1) * grid.step, grid.width))) / 2
                let c = pixels.rgb(x, y)
                let plain = sampler.rgb(x: Double(x) + 0.5, y: Double(y) + 0.5)
                let dr = Double(c.red) - plain.red, dg = Double(c.green) - plain.green, db = Double(c.blue) - plain.blue
                let weight = (dr * dr + dg * dg + db * db).squareRoot() / largest
                total += weight
                sumX += weight * cx
                sumY += weight * cy
            }
        }
        guard total > 0 else { return 0 }
        let ox = (sumX / total - width / 2) / (width / 2), oy = (sumY / total - height / 2) / (height / 2)
        return ((ox * ox + oy * oy) / 2).squareRoot()
    }
}
