import Foundation

/// The starburst outline: spikes alternating between the frame's ellipse and
/// an inner ellipse. Pure geometry, shared by the renderer (which draws it)
/// and the legibility features (which must know the star's pixels from the
/// background between its spikes).
enum Burst {
    /// Spikes around the outline: enough to read as a sticker at 40 px, few
    /// enough that each spike stays visible.
    static let points = 18
    /// Inner radius as a share of the outer: deep enough to read as spikes,
    /// shallow enough that the inscribed disc still carries a "-25%".
    static let innerRadius = 0.86

    /// The polygon's corners, clockwise from the top spike.
    static func outline(in frame: Rect) -> [Point] {
        let cx = frame.x + frame.width / 2, cy = frame.y + frame.height / 2
        let rx = frame.width / 2, ry = frame.height / 2
        return (0 ..< points * 2).map { index in
            let angle = Double(index) * .pi / Double(points) - .pi / 2
            let scale = index.isMultiple(of: 2) ? 1 : innerRadius
            return Point(x: cx + cos(angle) * rx * scale, y: cy + sin(angle) * ry * scale)
        }
    }

    /// Even-odd test against the outline (the polygon is simple, so this is
    /// the same as non-zero).
    static func contains(_ point: Point, in frame: Rect) -> Bool {
        let corners = outline(in: frame)
        var inside = false
        var previous = corners[corners.count - 1]
        for corner in corners {
            if (corner.y > point.y) != (previous.y > point.y) {
                let crossing = previous.x + (point.y - previous.y) / (corner.y - previous.y) * (corner.x - previous.x)
                if point.x < crossing { inside.toggle() }
            }
            previous = corner
        }
        return inside
    }
}
