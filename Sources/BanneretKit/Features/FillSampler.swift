import Foundation

/// The colour a ``Fill`` paints at any point of the frame it covers, as the
/// renderer's Cairo pattern does: solid, or the linear gradient whose ends
/// land on the frame's corners along `angle`, padded beyond them. Lets a
/// measure compare rendered pixels with what the plain fill would show there.
struct FillSampler: Sendable {
    private let from: (Double, Double, Double)
    private let to: (Double, Double, Double)
    /// Gradient parameter t = (x·dx + y·dy) − offset, over 0...1 inside the frame.
    private let dx: Double, dy: Double, offset: Double

    init(_ fill: Fill, over frame: Rect) {
        func components(_ c: Color) -> (Double, Double, Double) { (c.red * 255, c.green * 255, c.blue * 255) }
        switch fill {
        case .solid(let color):
            from = components(color)
            to = from
            dx = 0
            dy = 0
            offset = 0
        case .linearGradient(let start, let end, let angle):
            from = components(start)
            to = components(end)
            let radians = angle * .pi / 180
            let cx = frame.x + frame.width / 2, cy = frame.y + frame.height / 2
            let half = (abs(cos(radians)) * frame.width + abs(sin(radians)) * frame.height) / 2
            let length = max(2 * half, 1e-9)
            dx = cos(radians) / length
            dy = sin(radians) / length
            offset = (cx - cos(radians) * half) * dx + (cy - sin(radians) * half) * dy
        }
    }

    /// Red, green and blue on 0...255 at (x, y).
    func rgb(x: Double, y: Double) -> (red: Double, green: Double, blue: Double) {
        let t = min(max(x * dx + y * dy - offset, 0), 1)
        return (from.0 + (to.0 - from.0) * t, from.1 + (to.1 - from.1) * t, from.2 + (to.2 - from.2) * t)
    }
}
