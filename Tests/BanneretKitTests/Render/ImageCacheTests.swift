import Foundation
import Testing
@testable import BanneretKit

@Suite struct ImageCacheTests {
    let folder = Fixtures.temporaryDirectory("imagecache")
    let mug = Fixtures.examples.appendingPathComponent("images/ceramic-mug.png")
    let lamp = Fixtures.examples.appendingPathComponent("images/desk-lamp.png")

    @Test func changedAndVanishedPicturesAreForgottenTheRestKept() throws {
        let kept = folder.appendingPathComponent("kept.png"), replaced = folder.appendingPathComponent("replaced.png")
        let moved = folder.appendingPathComponent("moved.png")
        for url in [kept, replaced, moved] { try FileManager.default.copyItem(at: mug, to: url) }
        let cache = ImageCache()
        let before = try [kept, replaced, moved].map { try cache.image(at: $0.path) }
        try FileManager.default.removeItem(at: replaced)
        try FileManager.default.copyItem(at: lamp, to: replaced)
        try FileManager.default.removeItem(at: moved)
        #expect(cache.removeChanged() == 2)
        #expect(try cache.image(at: kept.path) === before[0], "an unchanged picture is not decoded again")
        let lampImage = try ImageCache().image(at: lamp.path)
        let reread = try cache.image(at: replaced.path)
        #expect(reread !== before[1] && reread.width == lampImage.width && reread.height == lampImage.height)
    }

    @Test func overTheLimitEverythingGoes() throws {
        let cache = ImageCache()
        let first = try cache.image(at: mug.path)
        #expect(cache.removeChanged(limit: 1) == 1)
        #expect(try cache.image(at: mug.path) !== first)
    }
}
