import ArgumentParser
import BanneretKit
import Foundation

struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Write a contact sheet (HTML) of a run: every banner grouped by product with its template, size, bytes, contrast, scores and warnings, and the rejections.",
        discussion: "The page links the banner files by relative path; open it in any browser."
    )

    @Option(help: "The run's manifest.jsonl (its errors file beside it is listed too).")
    var manifest: String

    @Option(help: "Where to write the page.")
    var out: String

    func run() throws {
        let manifestURL = URL(fileURLWithPath: manifest).standardizedFileURL
        let outURL = URL(fileURLWithPath: out).standardizedFileURL
        guard let data = FileManager.default.contents(atPath: manifestURL.path) else {
            throw fail(BanneretError(.manifestMissing, "no manifest here", at: Location(file: manifestURL.path)))
        }
        let decoder = JSONDecoder()
        var entries: [ManifestEntry] = []
        for (index, line) in data.split(separator: 0x0A).enumerated() where !line.isEmpty {
            do {
                entries.append(try decoder.decode(ManifestEntry.self, from: Data(line)))
            } catch {
                throw fail(BanneretError(.manifestInvalid, "not a manifest line: \(error)", at: Location(file: manifestURL.path, line: index + 1)))
            }
        }
        let errorsName = manifestURL.lastPathComponent.replacingOccurrences(of: "manifest", with: "errors")
        let errorsData = FileManager.default.contents(atPath: manifestURL.deletingLastPathComponent().appendingPathComponent(errorsName).path)
        let rejections = (errorsData ?? Data()).split(separator: 0x0A).compactMap { try? decoder.decode(RejectedItem.self, from: Data($0)) }
        let page = PreviewPage(entries: entries, rejections: rejections,
                               bannerPrefix: Self.relativePath(from: outURL.deletingLastPathComponent(), to: manifestURL.deletingLastPathComponent()),
                               title: "Banneret · \(manifestURL.deletingLastPathComponent().lastPathComponent)")
        do {
            try Data(page.html.utf8).write(to: outURL, options: .atomic)
        } catch {
            throw fail(BanneretError(.outputUnwritable, "cannot write the page: \(error.localizedDescription)", at: Location(file: outURL.path)))
        }
        print("\(outURL.path): \(entries.count) banners, \(rejections.count) rejected")
    }

    /// `../Output/` from `/a/sheets` to `/a/Output`; empty for the same folder.
    static func relativePath(from folder: URL, to target: URL) -> String {
        let from = folder.pathComponents, to = target.pathComponents
        var shared = 0
        while shared < min(from.count, to.count), from[shared] == to[shared] { shared += 1 }
        let ups = Array(repeating: "..", count: from.count - shared)
        let path = (ups + to[shared...]).joined(separator: "/")
        return path.isEmpty ? "" : path + "/"
    }
}
