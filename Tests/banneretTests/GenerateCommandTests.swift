import Foundation
import Testing

/// The CLI as users and outside checks call it: exit codes and files.
@Suite struct GenerateCommandTests {
    static let binary: URL = {
        // swift test runs from .build/<config>/; the CLI is built beside the test bundle.
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("banneret").path),
              folder.pathComponents.count > 1 {
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("banneret")
    }()
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    func run(_ arguments: [String]) throws -> (status: Int32, stderr: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = withStockTemplate(arguments)
        process.currentDirectoryURL = Self.root
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = Pipe()
        try process.run()
        let text = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, text)
    }

    func temporary() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("banneret-cli-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func rendersTheExamplesAsJPEG() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary.path), "build the CLI first")
        let out = temporary()
        let result = try run(["generate", "--out", out.path, "--sizes", "300x250,728x90", "--format", "jpeg", "--jobs", "2"])
        #expect(result.status == 0, "\(result.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names.filter { $0.hasSuffix(".jpg") }.count == 28)
        #expect(names.contains("manifest.jsonl"))
    }

    @Test func rendersVectorPDFAndSVG() throws {
        for format in ["pdf", "svg"] {
            let out = temporary()
            let result = try run(["generate", "--out", out.path, "--sizes", "300x250", "--format", format, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            let files = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix("." + format) }
            #expect(files.count == 14)
            let manifest = try String(contentsOf: out.appendingPathComponent("manifest.jsonl"), encoding: .utf8)
            #expect(manifest.contains("\"format\":\"\(format)\""))
            let head = try #require(FileManager.default.contents(atPath: out.appendingPathComponent(files[0]).path)).prefix(5)
            #expect(head == Data((format == "pdf" ? "%PDF-" : "<?xml").utf8))
        }
    }

    @Test func usageErrorsExit64() throws {
        #expect(try run(["generate", "--format", "gif", "--out", temporary().path]).status == 64)
        #expect(try run(["generate", "--sizes", "300by250", "--out", temporary().path]).status == 64)
        #expect(try run(["generate", "--jobs", "0"]).status == 64)
    }

    @Test func missingFeedExits66AndNamesIt() throws {
        let result = try run(["generate", "--feed", "/nonexistent/feed.jsonl", "--out", temporary().path])
        #expect(result.status == 66)
        #expect(result.stderr.contains("/nonexistent/feed.jsonl"))
        #expect(result.stderr.contains("feed.missing"))
    }

    @Test func rejectedItemsExit1WithErrorsListed() throws {
        let folder = temporary()
        let feed = folder.appendingPathComponent("feed.jsonl")
        try """
        {"id": "a", "title": "Plain title", "price": "5.00 USD"}
        {"id": "b", "title": "", "price": "5.00 USD"}
        """.write(to: feed, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let result = try run(["generate", "--feed", feed.path, "--out", out.path, "--sizes", "300x250"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("feed.jsonl:2 field 'title'"))
        let errors = try String(contentsOf: out.appendingPathComponent("errors.jsonl"), encoding: .utf8)
        #expect(errors.contains("\"code\":\"feed.field\""))
    }

    @Test func byteBudgetsAreMetOrTheBannerIsRejected() throws {
        let folder = temporary()
        let tight = folder.appendingPathComponent("tight"), impossible = folder.appendingPathComponent("impossible")
        let fits = try run(["generate", "--out", tight.path, "--sizes", "300x250", "--format", "jpeg", "--max-kb", "9", "--quiet"])
        #expect(fits.status == 0, "\(fits.stderr)")
        let entries = try String(contentsOf: tight.appendingPathComponent("manifest.jsonl"), encoding: .utf8).split(separator: "\n")
        #expect(entries.count == 14)
        for line in entries {
            let entry = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            #expect((entry["bytes"] as! Int) <= 9_000)
        }
        #expect(entries.contains { $0.contains("to fit the 9000-byte budget") }, "a lowered quality is reported")
        let refused = try run(["generate", "--out", impossible.path, "--sizes", "300x250", "--max-kb", "1", "--quiet"])
        #expect(refused.status == 1, "records were read; their banners were rejected")
        #expect(refused.stderr.contains("budget.exceeded") && refused.stderr.contains("feed.jsonl:1"), "\(refused.stderr)")
        let files = try FileManager.default.contentsOfDirectory(atPath: impossible.path).filter { $0.hasSuffix(".png") }
        #expect(files.isEmpty, "never shipped oversize")
    }

    @Test func aFeedWithNoGoodRecordExits65() throws {
        let folder = temporary()
        let feed = folder.appendingPathComponent("feed.csv")
        try "id,title,price\na,Mug,lots\nb,,5 USD\n".write(to: feed, atomically: true, encoding: .utf8)
        let result = try run(["generate", "--feed", feed.path, "--out", folder.appendingPathComponent("out").path, "--sizes", "300x250"])
        #expect(result.status == 65, "\(result.stderr)")
        #expect(result.stderr.contains("feed.csv:2 field 'price'") && result.stderr.contains("feed.csv:3 field 'title'"))
    }

    @Test func jsonLogsAreOneObjectPerLineWithCodesLocationsAndTheSummary() throws {
        let folder = temporary()
        let feed = folder.appendingPathComponent("feed.csv")
        try "id,title,price,image_link\na,Mug,lots,\nb,Cup,5 USD,\n".write(to: feed, atomically: true, encoding: .utf8)
        let result = try run(["generate", "--feed", feed.path, "--out", folder.appendingPathComponent("out").path,
                              "--sizes", "300x250", "--log-format", "json"])
        #expect(result.status == 1, "\(result.stderr)")
        let objects = try result.stderr.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any], "not JSON: \($0)")
        }
        let rejection = try #require(objects.first { $0["code"] as? String == "feed.field" })
        #expect(rejection["line"] as? Int == 2 && rejection["field"] as? String == "price" && rejection["level"] as? String == "notice")
        let summary = try #require(objects.last)
        #expect(summary["message"] as? String == "run finished")
        #expect(summary["rendered"] as? Int == 1 && summary["rejected"] as? Int == 1 && summary["rejected.feed.field"] as? Int == 1)
        #expect((summary["bytes"] as? Int ?? 0) > 1000)
    }

    @Test func theSummaryFitsOneScreenAndCountsRejectionsByReason() throws {
        let folder = temporary()
        let feed = folder.appendingPathComponent("feed.csv")
        try "id,title,price\na,Mug,lots\nb,Cup,5 USD\n".write(to: feed, atomically: true, encoding: .utf8)
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = withStockTemplate(["generate", "--feed", feed.path, "--out", folder.appendingPathComponent("out").path,
                                               "--sizes", "300x250,728x90"])
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(text.split(separator: "\n").count <= 24)
        #expect(text.contains("rendered  2 banners") && text.contains("rejected  1: feed.field 1"))
        #expect(text.contains("skipped   0"))
    }

    @Test func previewLinksEveryBannerOfTheRunFromAnotherFolder() throws {
        let folder = temporary()
        let out = folder.appendingPathComponent("out")
        #expect(try run(["generate", "--out", out.path, "--sizes", "300x250,728x90", "--quiet"]).status == 0)
        let sheet = folder.appendingPathComponent("sheets/index.html")
        try FileManager.default.createDirectory(at: sheet.deletingLastPathComponent(), withIntermediateDirectories: true)
        let result = try run(["preview", "--manifest", out.appendingPathComponent("manifest.jsonl").path, "--out", sheet.path])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try String(contentsOf: sheet, encoding: .utf8)
        let sources = html.components(separatedBy: "<img src=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        #expect(sources.count == 28)
        for source in sources {
            let file = sheet.deletingLastPathComponent().appendingPathComponent(source.removingPercentEncoding!).standardizedFileURL
            #expect(FileManager.default.fileExists(atPath: file.path), "\(source)")
        }
        #expect(try run(["preview", "--manifest", folder.appendingPathComponent("none.jsonl").path, "--out", sheet.path]).status == 66)
    }

    @Test func lenientRepairsMalformedXMLAndSaysSo() throws {
        let folder = temporary()
        let feed = folder.appendingPathComponent("feed.xml")
        try "<rss><channel>\n<item><g:id>a</g:id><title>Salt & Pepper</title><g:price>5 USD</g:price></item>\n</channel></rss>\n"
            .write(to: feed, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out").path
        let strict = try run(["generate", "--feed", feed.path, "--out", out, "--sizes", "300x250"])
        #expect(strict.status == 65 && strict.stderr.contains("feed.xml:2:33") && strict.stderr.contains("--lenient"))
        let lenient = try run(["generate", "--feed", feed.path, "--out", out, "--sizes", "300x250", "--lenient"])
        #expect(lenient.status == 0, "\(lenient.stderr)")
        #expect(lenient.stderr.contains("warning: ") && lenient.stderr.contains("feed.repaired"))
    }
}

@Suite struct ValidateAndSchemaCommandTests {
    let cli = GenerateCommandTests()

    @Test func validInputsExit0() throws {
        let root = GenerateCommandTests.root.path
        let result = try cli.run(["validate", "--feed", root + "/Examples/feed.jsonl", "--brand", root + "/Examples/brand.yaml",
                                  "--template", root + "/Templates"])
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func validateReportsEveryProblemAtOnce() throws {
        let folder = cli.temporary()
        let feed = folder.appendingPathComponent("feed.jsonl"), brand = folder.appendingPathComponent("brand.yaml")
        let template = folder.appendingPathComponent("t.yaml")
        try "{\"id\":\"a\",\"title\":\"ok\",\"price\":\"x\"}\n{\"id\":\"b\"}\n".write(to: feed, atomically: true, encoding: .utf8)
        try "name: b\npalette: { primary: \"#12\" }\n".write(to: brand, atomically: true, encoding: .utf8)
        try "name: t\nelements:\n  a: { kind: txt }\n".write(to: template, atomically: true, encoding: .utf8)
        let result = try cli.run(["validate", "--feed", feed.path, "--brand", brand.path, "--template", template.path])
        #expect(result.status == 65)
        for expected in ["feed.jsonl:1 field 'price'", "feed.jsonl:2 field 'title'", "brand.yaml:2", "t.yaml:3"] {
            #expect(result.stderr.contains(expected), "\(expected) in \(result.stderr)")
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(Set(files) == ["feed.jsonl", "brand.yaml", "t.yaml"], "validate renders nothing")
    }

    @Test func badTemplateExits65WithLineAndColumn() throws {
        let folder = cli.temporary()
        let url = folder.appendingPathComponent("bad.yaml")
        try "name: t\nelements:\n  headline: { kind: text, bind: title, font: display, size: [10, 20] }\nconstraints:\n  - headlin.left == 0\n"
            .write(to: url, atomically: true, encoding: .utf8)
        let result = try cli.run(["validate", "--template", url.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains("bad.yaml:5:5"), "\(result.stderr)")
        #expect(result.stderr.contains("did you mean 'headline'"))
    }

    @Test func schemaIsJSON() throws {
        let process = Process()
        process.executableURL = GenerateCommandTests.binary
        process.arguments = ["schema", "template"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(schema["title"] as? String == "Banneret template")
        #expect((schema["required"] as? [String]) == ["name", "elements"])
        let job = Process()
        job.executableURL = GenerateCommandTests.binary
        job.arguments = ["schema", "job"]
        let jobOutput = Pipe()
        job.standardOutput = jobOutput
        try job.run()
        let jobData = jobOutput.fileHandleForReading.readDataToEndOfFile()
        job.waitUntilExit()
        let jobSchema = try #require(try JSONSerialization.jsonObject(with: jobData) as? [String: Any])
        #expect((jobSchema["required"] as? [String]) == ["feed"])
        #expect(((jobSchema["properties"] as? [String: Any])?["format"] as? [String: Any])?["enum"] as? [String]
            == ["png", "jpeg", "jpg", "webp", "pdf", "svg"])
    }
}
