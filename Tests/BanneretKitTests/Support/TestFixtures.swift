import Foundation
import Testing
@testable import BanneretKit

/// Shared, expensive-to-build test state: fonts are verified once per process.
enum Fixtures {
    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let examples = repositoryRoot.appendingPathComponent("Examples")
    static let fonts: FontSet = {
        do {
            return try FontSet(directory: repositoryRoot.appendingPathComponent("Fonts"))
        } catch {
            fatalError("fonts are not installed; run `make setup` first: \(error)")
        }
    }()
    /// The stock template alone: most tests are about the engine, and their counts assume one template.
    static let engine: Engine = try! Engine(fonts: fonts, brandURL: examples.appendingPathComponent("brand.yaml"),
                                            templates: [repositoryRoot.appendingPathComponent("Templates/stock-hero.yaml")])
    static var template: Template { engine.templates[0] }
    /// Every template in Templates/, for the library's own tests.
    static let libraryEngine: Engine = try! Engine(fonts: fonts, brandURL: examples.appendingPathComponent("brand.yaml"),
                                                   templates: [repositoryRoot.appendingPathComponent("Templates")])
    static let goldens = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Goldens")

    /// The licensed sample data beside the repository, or nil where it is absent.
    static let sharedSamples: URL? = {
        let url = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/samples")
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }()

    static func temporaryDirectory(_ name: String = #function) -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("banneret-tests-\(getpid())-\(name.filter(\.isLetter))-\(UUID().uuidString.prefix(8))")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}
