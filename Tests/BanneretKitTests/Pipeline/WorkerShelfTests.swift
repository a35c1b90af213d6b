import Foundation
import Testing
@testable import BanneretKit

@Suite struct WorkerShelfTests {
    @Test func workersPutBackAreHandedOutAgain() {
        let shelf = WorkerShelf(engine: Fixtures.engine)
        let first = shelf.take(2)
        #expect(first.count == 2 && first[0] !== first[1])
        shelf.putBack(first)
        let second = shelf.take(3)
        #expect(second.count == 3)
        #expect(second[0] === first[0] && second[1] === first[1] && second[2] !== first[0] && second[2] !== first[1])
        #expect(shelf.take(1)[0] !== first[0], "a worker taken is not handed out twice")
    }

    @Test func runsOnAShelfMakeTheSameBanners() throws {
        let shelf = WorkerShelf(engine: Fixtures.engine)
        let sizes = [BannerSize(width: 300, height: 250), BannerSize(width: 728, height: 90)]
        var outputs: [[String: Data]] = []
        for run in 0 ..< 2 {
            let out = Fixtures.temporaryDirectory("shelf\(run)")
            let report = try Generator(shelf: shelf).run(
                GenerationOptions(feedURL: ExampleProducts.feedURL, sizes: sizes, format: .defaultJPEG, outputDirectory: out, jobs: 2))
            #expect(report.bannersWritten == 28 && report.rejectedCount == 0)
            var files: [String: Data] = [:]
            for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name.hasSuffix(".jpg") {
                files[name] = try Data(contentsOf: out.appendingPathComponent(name))
            }
            outputs.append(files)
        }
        #expect(outputs[0].count == 28 && outputs[0] == outputs[1])
        let fresh = Fixtures.temporaryDirectory("fresh")
        _ = try Generator(engine: Fixtures.engine).run(
            GenerationOptions(feedURL: ExampleProducts.feedURL, sizes: sizes, format: .defaultJPEG, outputDirectory: fresh, jobs: 1))
        let names = Set(try FileManager.default.contentsOfDirectory(atPath: fresh.path).filter { $0.hasSuffix(".jpg") })
        #expect(names == Set(outputs[0].keys))
    }
}
