import Foundation
import Testing
@testable import BanneretKit

@Suite struct BurstTests {
    let frame = Rect(x: 10, y: 20, width: 100, height: 100)

    @Test func spikesReachTheFrameAndValleysStayInside() {
        let corners = Burst.outline(in: frame)
        #expect(corners.count == Burst.points * 2)
        // The first spike points straight up to the frame's top edge.
        #expect(abs(corners[0].x - 60) < 1e-9 && abs(corners[0].y - 20) < 1e-9)
        for (index, corner) in corners.enumerated() {
            let distance = ((corner.x - 60) * (corner.x - 60) + (corner.y - 70) * (corner.y - 70)).squareRoot()
            #expect(abs(distance - (index.isMultiple(of: 2) ? 50 : 50 * Burst.innerRadius)) < 1e-9)
        }
    }

    @Test func coversItsCentreAndSpikesButNotTheCornersOrTheGapsBetweenSpikes() {
        #expect(Burst.contains(Point(x: 60, y: 70), in: frame))
        #expect(Burst.contains(Point(x: 60, y: 21), in: frame))          // just inside the top spike
        #expect(!Burst.contains(Point(x: 11, y: 21), in: frame))         // frame corner
        // Between the first two spikes, just outside the valley's radius.
        let valley = Double.pi / Double(Burst.points) - .pi / 2
        let r = 50 * (Burst.innerRadius + 1) / 2 + 0.5
        let between = Point(x: 60 + cos(valley) * r, y: 70 + sin(valley) * r)
        #expect(!Burst.contains(between, in: frame))
    }

    @Test func coverageOfABurstShapeFollowsTheOutline() {
        let shape = ShapeElement(id: "sticker", frame: frame, kind: .burst, fill: .solid(Color(red: 1, green: 0, blue: 0)))
        #expect(shape.covers(x: 60, y: 70))
        #expect(!shape.covers(x: 11, y: 119))
    }
}
