/// A difference hash (dHash) of a banner: 64 bits that say, for a 9×8 grey
/// thumbnail, whether each pixel is brighter than its right neighbour. Two
/// variants whose hashes differ in a few bits look alike to a shopper, so
/// only the first is kept.
enum PerceptualHash {
    /// Variants this close (bits differing) are near-duplicates.
    static let duplicateDistance = 4

    static func hash(_ pixels: PixelBuffer) -> UInt64 {
        // Box-average each cell of a 9×8 grid, sampling at most 8×8 points per cell.
        var grey = [Double](repeating: 0, count: 72)
        for row in 0 ..< 8 {
            for column in 0 ..< 9 {
                let x0 = column * pixels.width / 9, x1 = max(x0 + 1, (column + 1) * pixels.width / 9)
                let y0 = row * pixels.height / 8, y1 = max(y0 + 1, (row + 1) * pixels.height / 8)
                let stepX = max(1, (x1 - x0) / 8), stepY = max(1, (y1 - y0) / 8)
                var sum = 0.0, count = 0.0
                var y = y0
                while y < y1 {
                    var x = x0
                    while x < x1 {
                        let p = pixels.bytes.advanced(by: y * pixels.stride + x * 4).assumingMemoryBound(to: UInt8.self)
                        sum += 0.299 * Double(p[2]) + 0.587 * Double(p[1]) + 0.114 * Double(p[0])
                        count += 1
                        x += stepX
                    }
                    y += stepY
                }
                grey[row * 9 + column] = sum / max(count, 1)
            }
        }
        var hash: UInt64 = 0
        for row in 0 ..< 8 {
            for column in 0 ..< 8 where grey[row * 9 + column] > grey[row * 9 + column + 1] {
                hash |= 1 << UInt64(row * 8 + column)
            }
        }
        return hash
    }

    static func distance(_ a: UInt64, _ b: UInt64) -> Int { (a ^ b).nonzeroBitCount }
}
