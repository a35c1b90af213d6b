import Foundation
import Testing
@testable import BanneretKit

/// Paths written inside inputs stay inside the folder the input came from, and
/// nothing is written outside the output folder whatever a product id holds.
@Suite struct PathConfinementTests {
    let root = Fixtures.temporaryDirectory("confinement")

    func located(_ body: () throws -> Void) -> BanneretError? {
        do {
            try body()
            return nil
        } catch {
            return error as? BanneretError
        }
    }

    @Test func templateFoldersRefuseSymlinksLeadingOut() throws {
        let templates = root.appendingPathComponent("templates")
        let elsewhere = root.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixtures.repositoryRoot.appendingPathComponent("Templates/stock-hero.yaml"),
                                         to: elsewhere.appendingPathComponent("hero.yaml"))
        try FileManager.default.createSymbolicLink(at: templates.appendingPathComponent("hero.yaml"),
                                                   withDestinationURL: elsewhere.appendingPathComponent("hero.yaml"))
        let error = located { _ = try TemplateLoader.files(at: [templates]) }
        #expect(error?.code == .pathOutsideRoot)
        #expect(error?.location == Location(file: templates.appendingPathComponent("hero.yaml").path))
        #expect(try TemplateLoader.files(at: [templates], allowedDirectories: [elsewhere]).count == 1)
    }

    @Test func brandLogosStayBesideTheBrandGuideUnlessAllowed() throws {
        let brand = root.appendingPathComponent("brand")
        let shared = root.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: brand, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        let logo = Fixtures.examples.appendingPathComponent("brand/logo-dark.png")
        try FileManager.default.copyItem(at: logo, to: shared.appendingPathComponent("logo.png"))
        let text = try String(contentsOf: Fixtures.examples.appendingPathComponent("brand.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "brand/logo-light.png", with: "../shared/logo.png")
            .replacingOccurrences(of: "brand/logo-dark.png", with: "../shared/logo.png")
        let url = brand.appendingPathComponent("brand.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        let error = located { _ = try BrandGuideLoader.load(url) }
        #expect(error?.code == .pathOutsideRoot)
        #expect(error?.location?.file == url.path && error?.location?.field == "logo.light")
        #expect(error?.location?.line == text.split(separator: "\n", omittingEmptySubsequences: false)
            .firstIndex { $0.contains("light: ../shared") }.map { $0 + 1 })
        let engine = try Engine(fonts: Fixtures.fonts, brandURL: url, templates: [Fixtures.repositoryRoot.appendingPathComponent("Templates")],
                                allowedDirectories: [shared])
        #expect(engine.brand.logo?.light == "../shared/logo.png")
    }

    @Test func watchJobsCannotNameFilesOutsideTheJob() throws {
        let inbox = root.appendingPathComponent("inbox")
        try FileManager.default.createDirectory(at: inbox, withIntermediateDirectories: true)
        try Data("id,title\n".utf8).write(to: root.appendingPathComponent("secret.csv"))
        try Data("id,title\n".utf8).write(to: inbox.appendingPathComponent("x.csv"))
        var defaults = JobSpec.Defaults(brand: Fixtures.examples.appendingPathComponent("brand.yaml"),
                                        templates: [Fixtures.repositoryRoot.appendingPathComponent("Templates")])
        for text in ["feed: ../secret.csv", "feed: \(root.path)/secret.csv", "feed: x.csv\nbrand: /etc/passwd"] {
            let error = located { _ = try JobSpecLoader.parse(text, file: "job.yaml", base: inbox, defaults: defaults) }
            #expect(error?.code == .pathOutsideRoot, "\(text)")
            #expect(error?.location?.file == "job.yaml" && error?.location?.line == text.split(separator: "\n").count, "\(text)")
        }
        defaults.allowedDirectories = [root]
        let spec = try JobSpecLoader.parse("feed: ../secret.csv", file: "job.yaml", base: inbox, defaults: defaults)
        #expect(spec.feed.path.hasSuffix("/secret.csv") && spec.allowedDirectories == [root])
    }

    @Test func hostileProductIDsNeverLeaveTheOutputFolder() throws {
        let ids = ["../../escape", "/etc/passwd", "a\u{0}b", String(repeating: "x", count: 300), "..", "a/../../b", "名前", "CON"]
        #expect(ids.map(BannerIdentity.safeName) == ["______escape", "_etc_passwd", "a_b", String(repeating: "x", count: 64),
                                                    "product", "a_______b", "product", "CON"])
        let folder = root.appendingPathComponent("feed")
        try FileManager.default.copyItem(at: Fixtures.examples.appendingPathComponent("images"), to: folder.appendingPathComponent("images"))
        let lines = ids.map { id -> String in
            let escaped = id.replacingOccurrences(of: "\u{0}", with: "\\u0000")
            return "{\"id\": \"\(escaped)\", \"title\": \"Mug\", \"price\": \"12.00 USD\", \"image_link\": \"images/ceramic-mug.png\"}"
        }
        let feed = folder.appendingPathComponent("feed.jsonl")
        try lines.joined(separator: "\n").write(to: feed, atomically: true, encoding: .utf8)
        let out = root.appendingPathComponent("out")
        let report = try Generator(engine: Fixtures.engine).run(
            GenerationOptions(feedURL: feed, sizes: [BannerSize(width: 300, height: 250)], outputDirectory: out, jobs: 1))
        #expect(report.entries.count == ids.count, "\(report.errors)")
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".png") }
        #expect(Set(written) == Set(report.entries.map(\.path)))
        #expect(written.allSatisfy { !$0.contains("/") && $0.utf8.count < 100 })
        // Nothing appeared beside the output folder or above it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).sorted() == ["feed", "out"])
    }

    @Test func canvasSizesBuiltInCodeAreCheckedBeforeRendering() throws {
        let worker = RenderWorker(engine: Fixtures.engine)
        for size in [BannerSize(width: 8193, height: 10), BannerSize(width: 0, height: 250), BannerSize(width: 300, height: -1)] {
            let error = located {
                _ = try worker.render(product: Product(id: "p", title: "Mug"), size: size, imagePath: nil, template: Fixtures.template)
            }
            #expect(error?.code == .sizeInvalid, "\(size)")
        }
    }
}
