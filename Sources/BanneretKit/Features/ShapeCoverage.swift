/// Whether a shape's painted area holds a point: the frame for rectangles,
/// the rounded outline for rounded rectangles and pills, the ellipse for
/// discs, the star's outline for bursts. Tells which layer shows at a pixel, so a pixel inside a badge
/// disc's frame but outside the disc is read as what lies below it.
extension ShapeElement {
    func covers(x: Double, y: Double) -> Bool {
        guard frame.x <= x, x < frame.maxX, frame.y <= y, y < frame.maxY else { return false }
        let radius: Double
        switch kind {
        case .rectangle: return true
        case .ellipse:
            let rx = frame.width / 2, ry = frame.height / 2
            guard rx > 0, ry > 0 else { return false }
            let dx = (x - frame.x - rx) / rx, dy = (y - frame.y - ry) / ry
            return dx * dx + dy * dy <= 1
        case .burst: return Burst.contains(Point(x: x, y: y), in: frame)
        case .pill: radius = min(frame.width, frame.height) / 2
        case .roundedRectangle(let r): radius = max(0, min(r, frame.width / 2, frame.height / 2))
        }
        // Outside the corner squares the frame is filled; inside one, the quarter circle is.
        let cx = min(max(x, frame.x + radius), frame.maxX - radius)
        let cy = min(max(y, frame.y + radius), frame.maxY - radius)
        let dx = x - cx, dy = y - cy
        return dx * dx + dy * dy <= radius * radius
    }
}
