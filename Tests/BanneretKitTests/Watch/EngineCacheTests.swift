import Foundation
import Testing
@testable import BanneretKit

@Suite struct EngineCacheTests {
    let folder = Fixtures.temporaryDirectory("engines")
    var brand: URL { Fixtures.examples.appendingPathComponent("brand.yaml") }
    var template: URL { folder.appendingPathComponent("templates/stock-hero.yaml") }

    init() throws {
        try FileManager.default.createDirectory(at: template.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("Templates/stock-hero.yaml"), to: template)
    }

    @Test func anEngineIsReusedUntilOneOfItsFilesChanges() throws {
        let cache = EngineCache(fonts: Fixtures.fonts)
        let templates = [template.deletingLastPathComponent()]
        let first = try cache.engine(brand: brand, templates: templates)
        let second = try cache.engine(brand: brand, templates: templates)
        #expect(!first.reused && second.reused && first.engine === second.engine)
        // An edit, even one that keeps the size, moves the file's times.
        var text = try String(contentsOf: template, encoding: .utf8)
        text = text.replacingOccurrences(of: "description: Product card", with: "description: Product tile")
        try text.write(to: template, atomically: true, encoding: .utf8)
        let edited = try cache.engine(brand: brand, templates: templates)
        #expect(!edited.reused && edited.engine !== first.engine)
        #expect(edited.engine.templates[0].description.hasPrefix("Product tile"))
        // A template added to the folder is noticed too.
        try FileManager.default.copyItem(at: template, to: template.deletingLastPathComponent().appendingPathComponent("b.yml"))
        #expect(throws: BanneretError.self, "two templates named alike: the new file was read") {
            _ = try cache.engine(brand: brand, templates: templates)
        }
    }

    @Test func reloadingAndCapacityDropEngines() throws {
        let cache = EngineCache(fonts: Fixtures.fonts, capacity: 1)
        let a = try cache.engine(brand: brand, templates: [template])
        cache.removeAll()
        #expect(cache.count == 0)
        #expect(try !cache.engine(brand: brand, templates: [template]).reused)
        _ = try cache.engine(brand: brand, templates: [Fixtures.repositoryRoot.appendingPathComponent("Templates")])
        #expect(cache.count == 1, "the least recently used made room")
        #expect(try cache.engine(brand: brand, templates: [template]).engine !== a.engine)
    }
}
