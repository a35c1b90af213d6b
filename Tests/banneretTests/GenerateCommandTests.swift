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
        process.arguments = arguments
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
}
