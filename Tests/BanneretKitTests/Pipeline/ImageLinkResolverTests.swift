import Foundation
import Testing
@testable import BanneretKit

@Suite struct ImageLinkResolverTests {
    @Test func pathsStayInsideTheFeedFolderUnlessAllowed() throws {
        let root = Fixtures.temporaryDirectory()
        let feed = root.appendingPathComponent("feed")
        let shared = root.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: feed.appendingPathComponent("img"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        // A symlink inside the feed folder that points out of it.
        try FileManager.default.createSymbolicLink(at: feed.appendingPathComponent("img/out"), withDestinationURL: shared)
        let resolver = ImageLinkResolver(feedDirectory: feed)
        #expect(try resolver.resolve("img/a.png", file: "f", line: 1).hasSuffix("/feed/img/a.png"))
        #expect(try resolver.resolve("file://\(feed.path)/img/a.png", file: "f", line: 1).hasSuffix("/feed/img/a.png"))
        for escape in ["../shared/a.png", "/etc/passwd", "img/../../shared/a.png", "img/out/a.png", "file:///etc/passwd",
                       "img/a.png\0/../../../etc/passwd"] {
            do {
                let resolved = try resolver.resolve(escape, file: "f", line: 3)
                Issue.record("\(escape) resolved to \(resolved)")
            } catch let error as BanneretError {
                #expect(error.code == .pathOutsideRoot, "\(escape)")
                #expect(error.location == Location(file: "f", line: 3, field: "image_link"), "\(escape)")
            }
        }
        let widened = ImageLinkResolver(feedDirectory: feed, allowedDirectories: [shared])
        #expect(try widened.resolve("../shared/a.png", file: "f", line: 1).hasSuffix("/shared/a.png"))
        #expect(throws: BanneretError.self) { try widened.resolve("/etc/passwd", file: "f", line: 1) }
    }
}
