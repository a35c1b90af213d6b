/// The exact area covered by a set of rectangles, overlaps counted once.
/// Banners have a dozen elements, so cutting the canvas along every edge
/// (at most 2n × 2n cells) is exact and cheaper than counting pixels.
enum RectangleUnion {
    static func area(of rects: [Rect], within bounds: Rect) -> Double {
        let clipped = rects.compactMap { $0.intersection(bounds) }
        guard !clipped.isEmpty else { return 0 }
        let xs = Array(Set(clipped.flatMap { [$0.x, $0.maxX] })).sorted()
        let ys = Array(Set(clipped.flatMap { [$0.y, $0.maxY] })).sorted()
        var area = 0.0
        for (x0, x1) in zip(xs, xs.dropFirst()) {
            let mx = (x0 + x1) / 2
            for (y0, y1) in zip(ys, ys.dropFirst()) {
                let my = (y0 + y1) / 2
                if clipped.contains(where: { $0.x <= mx && mx < $0.maxX && $0.y <= my && my < $0.maxY }) {
                    area += (x1 - x0) * (y1 - y0)
                }
            }
        }
        return area
    }
}
