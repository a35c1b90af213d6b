import Foundation
import Testing
@testable import BanneretKit

@Suite struct GeneratorTests {
    func files(in folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path)
        where name.hasSuffix(".png") || name.hasSuffix(".jpg") || name.hasSuffix(".webp") {
            result[name] = try Data(contentsOf: folder.appendingPathComponent(name))
        }
        return result
    }

    func run(jobs: Int, format: OutputFormat = .defaultPNG, feed: URL = ExampleProducts.feedURL,
             sizes: [BannerSize] = BannerSize.defaultMix) throws -> (GenerationReport, URL) {
        let out = Fixtures.temporaryDirectory("run\(jobs)")
        let report = try Generator(engine: Fixtures.engine).run(
            GenerationOptions(feedURL: feed, sizes: sizes, format: format, outputDirectory: out, jobs: jobs))
        return (report, out)
    }

    /// The same banners with 1 and 4 threads, byte for byte: 14 products × 5 sizes = 70 banners.
    @Test func outputDoesNotDependOnTheJobCount() throws {
        let (single, singleFolder) = try run(jobs: 1)
        let (parallel, parallelFolder) = try run(jobs: 4)
        #expect(single.entries.count == 70 && single.errors.isEmpty, "\(single.errors)")
        let a = try files(in: singleFolder), b = try files(in: parallelFolder)
        #expect(a.count == 70)
        #expect(a == b)
        #expect(single.entries.map(\.id) == parallel.entries.map(\.id), "manifest order is the feed's, not the threads'")
    }

    @Test func twoRunsGiveIdenticalFilesAndNamesAreContentAddressed() throws {
        let sizes = [BannerSize(width: 300, height: 250)]
        let (first, firstFolder) = try run(jobs: 2, format: .defaultJPEG, sizes: sizes)
        let (_, secondFolder) = try run(jobs: 2, format: .defaultJPEG, sizes: sizes)
        #expect(try files(in: firstFolder) == files(in: secondFolder))
        let ids = Set(first.entries.map(\.id))
        #expect(ids.count == first.entries.count, "no two banners share a name")
        #expect(first.entries.allSatisfy { $0.path.hasSuffix(".jpg") && $0.format == "jpeg" })
        let (png, _) = try run(jobs: 2, format: .defaultPNG, sizes: sizes)
        #expect(Set(png.entries.map(\.id)).isDisjoint(with: ids), "format is part of the address")
    }

    @Test func variantsAreDistinctAndTheStandardOneKeepsItsName() throws {
        let sizes = [BannerSize(width: 300, height: 250)]
        let (plain, _) = try run(jobs: 2, sizes: sizes)
        let out = Fixtures.temporaryDirectory()
        var options = GenerationOptions(feedURL: ExampleProducts.feedURL, sizes: sizes, outputDirectory: out, jobs: 2)
        options.variants = 4
        let report = try Generator(engine: Fixtures.engine).run(options)
        #expect(report.errors.isEmpty, "\(report.errors)")
        #expect(report.entries.count > plain.entries.count && report.entries.count <= 4 * plain.entries.count)
        #expect(Set(plain.entries.map(\.id)).isSubset(of: Set(report.entries.map(\.id))), "standard variants keep their names")
        let onDisk = try files(in: out)
        #expect(onDisk.count == report.entries.count, "dropped near-duplicates leave no file behind")
        for group in Dictionary(grouping: report.entries, by: \.productID).values {
            #expect(Set(group.map { $0.variant["color_scheme"]! + $0.variant["copy"]! + $0.variant["cta"]! }).count == group.count)
        }
    }

    @Test func nothingIsWrittenOutsideTheOutputFolderWhateverAnIdHolds() throws {
        let folder = Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(at: Fixtures.examples.appendingPathComponent("images"),
                                         to: folder.appendingPathComponent("images"))
        let ids = ["../../escape", "/etc/passwd", "a\\u0000b", String(repeating: "x", count: 300), "..", "/", "C:\\\\x", "ids/../../up"]
        let feed = ids.enumerated().map { index, id in
            #"{"id": "\#(id)", "title": "Mug \#(index)", "price": "9.00 USD", "image_link": "images/ceramic-mug.png"}"#
        }.joined(separator: "\n")
        let feedURL = folder.appendingPathComponent("feed.jsonl")
        try feed.write(to: feedURL, atomically: true, encoding: .utf8)
        let before = Set(try FileManager.default.contentsOfDirectory(atPath: folder.path))
        let (report, out) = try run(jobs: 2, feed: feedURL, sizes: [BannerSize(width: 300, height: 250)])
        #expect(report.entries.count == ids.count && report.errors.isEmpty, "\(report.errors)")
        // Nothing new beside the feed, and in the output folder only plain files (and the run's journal folder).
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) == before)
        for name in try FileManager.default.contentsOfDirectory(atPath: out.path) where name != ".banneret" {
            var isFolder: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(name).path, isDirectory: &isFolder) && !isFolder.boolValue,
                    "\(name)")
        }
        for entry in report.entries {
            #expect(!entry.path.contains("/") && !entry.path.contains("\u{0}") && !entry.path.hasPrefix("."), "\(entry.path)")
            #expect(entry.path.utf8.count <= 255, "a file name fits every file system")
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(entry.path).path))
        }
        // Every product rendered under its own name (the NUL is dropped from the id as it is read).
        #expect(Set(report.entries.map(\.productID)).count == ids.count && Set(report.entries.map(\.path)).count == ids.count)
    }

    @Test func badRecordsAreReportedAndGoodOnesStillRender() throws {
        let folder = Fixtures.temporaryDirectory()
        try FileManager.default.copyItem(at: Fixtures.examples.appendingPathComponent("images"),
                                         to: folder.appendingPathComponent("images"))
        let feed = """
        {"id": "ok-1", "title": "Cold Brew Bottle", "price": "24.00 USD", "image_link": "images/cold-brew-bottle.png"}
        {"id": "bad-price", "title": "Mug", "price": "cheap", "image_link": "images/ceramic-mug.png"}
        {"id": "no-image", "title": "Lamp", "price": "59.00 USD", "image_link": "images/missing.png"}
        {"id": "escape", "title": "Lamp", "price": "59.00 USD", "image_link": "../../etc/passwd"}
        {"id": "tofu", "title": "Ancient 𓀀 relic", "price": "59.00 USD", "image_link": "images/desk-lamp.png"}
        {"id": "../../evil/name", "title": "Sneaker", "price": "9.00 USD", "image_link": "images/trailrunner.png"}
        """
        let feedURL = folder.appendingPathComponent("feed.jsonl")
        try feed.write(to: feedURL, atomically: true, encoding: .utf8)
        let (report, out) = try run(jobs: 2, feed: feedURL, sizes: [BannerSize(width: 300, height: 250)])
        #expect(report.entries.map(\.productID) == ["ok-1", "../../evil/name"])
        #expect(report.entries.allSatisfy { !$0.path.contains("/") }, "ids never escape the output folder")
        let byProduct = Dictionary(report.errors.map { ($0.productID ?? "record", $0) }, uniquingKeysWith: { a, _ in a })
        #expect(byProduct["record"]?.error.code == .feedField)
        #expect(byProduct["record"]?.error.location == Location(file: feedURL.path, line: 2, field: "price"))
        #expect(byProduct["no-image"]?.error.code == .imageMissing)
        #expect(byProduct["no-image"]?.error.location?.line == 3)
        #expect(byProduct["no-image"]?.error.location?.field == "image_link")
        #expect(byProduct["escape"]?.error.code == .pathOutsideRoot)
        #expect(byProduct["escape"]?.error.message.contains("leads outside") == true)
        #expect(byProduct["escape"]?.error.location == Location(file: feedURL.path, line: 4, field: "image_link"))
        #expect(byProduct["tofu"]?.error.code == .textUnknownGlyphs)
        #expect(byProduct["tofu"]?.error.location?.element == "headline")
        #expect(byProduct["tofu"]?.error.location?.field == "title")

        // errors.jsonl says the same, one JSON object per line.
        let lines = try String(contentsOf: out.appendingPathComponent("errors.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == report.errors.count)
        let decoded = try lines.map { try JSONDecoder().decode(RejectedItem.self, from: Data($0.utf8)) }
        #expect(decoded == report.errors)
        // Nothing half-written is left behind.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix(".tmp") }
        #expect(leftovers.isEmpty)
    }

    @Test func manifestLinesCarryTheContractFields() throws {
        let (report, out) = try run(jobs: 2, sizes: [BannerSize(width: 728, height: 90)])
        let lines = try String(contentsOf: out.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.count == report.entries.count)
        for line in lines {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            for key in ["id", "product_id", "template", "size", "format", "path", "bytes", "variant", "scores",
                        "metrics", "text", "render_ms", "warnings"] {
                #expect(object[key] != nil, "missing \(key)")
            }
            let path = try #require(object["path"] as? String)
            let size = try FileManager.default.attributesOfItem(atPath: out.appendingPathComponent(path).path)[.size] as? Int
            #expect(size == object["bytes"] as? Int)
            let texts = try #require(object["text"] as? [[String: Any]])
            #expect(texts.contains { $0["element"] as? String == "headline" })
            #expect(texts.allSatisfy { $0["unknown_glyphs"] as? Int == 0 && $0["font_size"] is Double })
        }
    }
}

/// Catalogue grids through the whole pipeline: grouped from the feed as it
/// streams, named by all their products, identical whatever the sharding.
@Suite struct CatalogueGridGenerationTests {
    static let engine = try! Engine(fonts: Fixtures.fonts, brandURL: Fixtures.examples.appendingPathComponent("brand.yaml"),
                                    templates: [Fixtures.repositoryRoot.appendingPathComponent("Templates/catalogue-grid.yaml")])

    /// The Examples feed three times over (ids made unique): categories fill whole grids of three.
    func feed() throws -> URL {
        let lines = try String(contentsOf: ExampleProducts.feedURL, encoding: .utf8).split(separator: "\n")
        var out: [String] = []
        for copy in 0 ..< 3 {
            for line in lines {
                var object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
                object["id"] = "\(object["id"]!)-\(copy)"
                if let link = object["image_link"] as? String { object["image_link"] = Fixtures.examples.appendingPathComponent(link).path }
                out.append(String(decoding: try JSONSerialization.data(withJSONObject: object), as: UTF8.self))
            }
        }
        let url = Fixtures.temporaryDirectory("grid-feed").appendingPathComponent("feed.jsonl")
        try out.joined(separator: "\n").write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    func options(_ feed: URL, out: URL, shard: Shard? = nil) -> GenerationOptions {
        var options = GenerationOptions(feedURL: feed, sizes: [BannerSize(width: 300, height: 250)], format: .defaultJPEG,
                                        outputDirectory: out, jobs: 2)
        options.allowedDirectories = [Fixtures.examples]
        options.shard = shard
        options.chunkSize = 5
        return options
    }

    @Test func gridsNameEveryProductAndShardsMakeTheSameFiles() throws {
        let feed = try feed()
        let whole = Fixtures.temporaryDirectory("grid-whole")
        let report = try Generator(engine: Self.engine).run(options(feed, out: whole))
        #expect(report.errors.isEmpty, "\(report.errors)")
        // Per language, currency and category: 3 copies of each product; pairs (Electronics, Home) make 2 grids of 3,
        // singles make one grid of 3; 14 products × 3 copies = 42 products in 14 grids.
        #expect(report.entries.count == 14, "\(report.entries.map { $0.products ?? [] })")
        for entry in report.entries {
            let products = try #require(entry.products)
            #expect(products.first == entry.productID && (2 ... 3).contains(products.count))
        }
        let electronics = report.entries.map { $0.products! }.filter { $0.contains { $0.hasPrefix("HB-1002") } }
        #expect(electronics == [["HB-1002-0", "HB-1006-0", "HB-1002-1"], ["HB-1006-1", "HB-1002-2", "HB-1006-2"]])

        let sharded = Fixtures.temporaryDirectory("grid-sharded")
        for index in 0 ..< 4 {
            _ = try Generator(engine: Self.engine).run(options(feed, out: sharded, shard: try Shard(index: index, count: 4)))
        }
        let names = { (folder: URL) in try Set(FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".jpg") }) }
        #expect(try names(sharded) == names(whole) && names(whole).count == 14)
        // A changed second product is a new banner: every product is part of the address.
        var text = try String(contentsOf: feed, encoding: .utf8)
        text = text.replacingOccurrences(of: "Instant Camera", with: "Instant Camera II")
        try text.write(to: feed, atomically: true, encoding: .utf8)
        let again = try Generator(engine: Self.engine).run(options(feed, out: whole))
        #expect(again.bannersReused == 12 && again.bannersWritten == 2, "the two grids holding the camera are new")
    }

    @Test func aGridTemplateRefusesASingleProduct() throws {
        let worker = RenderWorker(engine: Self.engine)
        let (product, path) = ExampleProducts.named("HB-1001")
        let error = try #require(throws: BanneretError.self) {
            _ = try worker.render(product: product, size: BannerSize(width: 300, height: 250), imagePath: path,
                                  template: Self.engine.templates[0])
        }
        #expect(error.code == .templateInvalid && error.message.contains("2 to 3 products"))
    }
}
