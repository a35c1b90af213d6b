import Foundation
import Testing
@testable import BanneretKit

/// Every file in Tests/BadInputs (written by scripts/make-bad-inputs.py) meets
/// the outcome Tests/BadInputs/expected.tsv gives it: read correctly (`ok`),
/// refused with a specific code (`throws:<code>`), or read with the bad
/// records refused and the good ones kept (`rejects:<code>`). Never a crash,
/// never more than 10 s, never a blank picture.
@Suite struct BadInputCorpusTests {
    static let folder = Fixtures.repositoryRoot.appendingPathComponent("Tests/BadInputs")
    static let expectations: [(file: String, outcome: String)] = {
        guard let text = try? String(contentsOf: folder.appendingPathComponent("expected.tsv"), encoding: .utf8) else { return [] }
        return text.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }.map {
            let parts = $0.split(separator: "\t")
            return (String(parts[0]), String(parts.count > 1 ? parts[1] : ""))
        }
    }()

    @Test func theCorpusIsLargeAndEveryFileHasAnExpectation() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0 != "expected.tsv" }.sorted()
        // For writing expected.tsv after adding files: BANNERET_PRINT_BAD_INPUTS=1 prints what each one comes to.
        if ProcessInfo.processInfo.environment["BANNERET_PRINT_BAD_INPUTS"] == "1" {
            for file in files { print("\(file)\t\(Self.outcome(of: Self.folder.appendingPathComponent(file), deadline: 10) ?? "timeout")") }
        }
        #expect(files.count >= 50)
        #expect(files == Self.expectations.map(\.file).sorted(), "expected.tsv and the folder list the same files")
    }

    @Test(arguments: expectations.map(\.file))
    func meetsItsExpectation(file: String) throws {
        let expected = try #require(Self.expectations.first { $0.file == file }).outcome
        let outcome = try #require(Self.outcome(of: Self.folder.appendingPathComponent(file), deadline: 10),
                                   "\(file) took longer than 10 s")
        #expect(outcome == expected, "\(file)")
    }

    /// What reading the file comes to, or nil past the deadline.
    static func outcome(of url: URL, deadline: Double) -> String? {
        let box = OutcomeBox()
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = read(url)
            done.signal()
        }
        thread.stackSize = 8 << 20
        thread.start()
        return done.wait(timeout: .now() + deadline) == .success ? box.value : nil
    }

    static func read(_ url: URL) -> String {
        let name = url.lastPathComponent
        do {
            if name.hasPrefix("image-") {
                let image = try ImageDecoder.decode(try Data(contentsOf: url), source: url.path, limits: ImageLimits())
                return image.width > 0 && image.height > 0 && !isBlank(image) ? "ok" : "blank"
            } else if name.hasPrefix("feed-") {
                let read = try FeedReader.read(contentsOf: url)
                if let first = read.errors.first {
                    return read.products.isEmpty ? "nothing-read:\(first.code.rawValue)" : "rejects:\(first.code.rawValue)"
                }
                return read.products.isEmpty ? "empty" : "ok"
            } else {
                _ = try TemplateLoader.load(url)
                return "ok"
            }
        } catch let error as BanneretError {
            return "throws:\(error.code.rawValue)"
        } catch {
            return "throws:\(type(of: error))"
        }
    }

    /// Every pixel the same: a decoder that "succeeded" into nothing.
    static func isBlank(_ image: DecodedImage) -> Bool {
        let first = image.base.color(x: 0, y: 0)
        for y in stride(from: 0, to: image.height, by: max(1, image.height / 16)) {
            for x in stride(from: 0, to: image.width, by: max(1, image.width / 16)) where image.base.color(x: x, y: y) != first {
                return false
            }
        }
        return image.width * image.height > 1
    }
}

private final class OutcomeBox: @unchecked Sendable {
    var value: String?
}
