import ArgumentParser
import BanneretKit
import Foundation

struct QualityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quality",
        abstract: "Render every template at every size over whole feeds and report layout quality (Markdown) against the library's bars.",
        discussion: "Exit status 1 when a template misses a bar. `make quality` runs it over the Examples feed and ../shared/samples and writes Templates/QUALITY.md."
    )

    @Option(help: "Feed to take products from. Repeatable. Default: Examples/feed.jsonl.")
    var feed: [String] = []

    @Option(help: "ISO 4217 currency for prices written without one.")
    var currency: String = "USD"

    @Option(help: "Brand guide YAML. Default: Examples/brand.yaml.")
    var brand: String?

    @Option(help: "Template file or folder. Default: Templates/.")
    var templates: String?

    @Option(help: "Sizes and groups, as for generate.")
    var sizes: String = "all"

    @Option(help: "Render threads.")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(help: "Write the report here (atomically) instead of printing it.")
    var out: String?

    func run() throws {
        let root = ProjectPaths.root()
        do {
            let engine = try Engine(fonts: FontSet(directory: FontSet.locateDirectory()),
                                    brandURL: URL(fileURLWithPath: brand ?? root.appendingPathComponent("Examples/brand.yaml").path),
                                    templates: [URL(fileURLWithPath: templates ?? root.appendingPathComponent("Templates").path)])
            let feeds = (feed.isEmpty ? [root.appendingPathComponent("Examples/feed.jsonl").path] : feed).map { URL(fileURLWithPath: $0) }
            let pictures = root.appendingPathComponent("Examples/images")
            let standIns = ((try? FileManager.default.contentsOfDirectory(atPath: pictures.path)) ?? []).sorted()
                .map { pictures.appendingPathComponent($0) }
            let report = try TemplateQualityRun.run(engine: engine, feeds: feeds, defaultCurrency: currency,
                                                    sizes: try SizeCatalog.parse(sizes), standIns: standIns, jobs: jobs)
            let command = "banneret quality " + CommandLine.arguments.dropFirst(2).joined(separator: " ")
            let markdown = report.markdown(command: command.trimmingCharacters(in: .whitespaces))
            if let out {
                try Data(markdown.utf8).write(to: URL(fileURLWithPath: out), options: .atomic)
            } else {
                print(markdown, terminator: "")
            }
            for row in report.rows where !row.failures.isEmpty {
                FileHandle.standardError.write(Data("\(row.template): \(row.failures.joined(separator: "; "))\n".utf8))
                for (code, example) in row.examples.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
                    FileHandle.standardError.write(Data("  first \(code.rawValue): \(example)\n".utf8))
                }
            }
            if !report.passes { throw ExitCode(ExitStatus.someRejected) }
        } catch let error as BanneretError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            throw ExitCode(ExitStatus.code(for: error))
        }
    }
}
