import ArgumentParser
import BanneretKit
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check feeds, brand guides and templates; print every problem with its file and line."
    )

    @Option(help: "A product feed (XML, CSV/TSV, JSON or JSON Lines). Repeatable.")
    var feed: [String] = []

    @Option(help: "json, csv, tsv or xml; default: told from each feed's content.")
    var feedFormat: String?

    @Option(help: "ISO 4217 currency for prices written without one, e.g. USD.")
    var currency: String?

    @Flag(help: "Check feeds as `generate --lenient` reads them.")
    var lenient = false

    @Option(help: "A brand guide (YAML). Repeatable.")
    var brand: [String] = []

    @Option(help: "A template (YAML) or a folder of them. Repeatable.")
    var template: [String] = []

    func validate() throws {
        guard !(feed.isEmpty && brand.isEmpty && template.isEmpty) else {
            throw ValidationError("give at least one --feed, --brand or --template")
        }
    }

    func run() throws {
        var problems: [BanneretError] = []
        var missing = false
        func check(_ body: () throws -> Void) {
            do {
                try body()
            } catch let error as BanneretError {
                missing = missing || [.feedMissing, .brandMissing, .templateMissing].contains(error.code)
                problems.append(error)
            } catch {
                problems.append(BanneretError(.templateInvalid, "\(error)"))
            }
        }
        for path in feed {
            check {
                let result = try FeedReader.read(contentsOf: URL(fileURLWithPath: path),
                                                 format: feedFormat.flatMap(FeedReader.Format.init),
                                                 defaultCurrency: currency?.uppercased(), lenient: lenient)
                problems += result.errors
                for notice in result.notices { FileHandle.standardError.write(Data("warning: \(notice)\n".utf8)) }
                if result.products.isEmpty, result.errors.isEmpty {
                    problems.append(BanneretError(.feedSyntax, "the feed holds no products", at: Location(file: path)))
                }
            }
        }
        // The same checks the engine makes, fonts included.
        for path in brand {
            check { _ = try BrandGuideLoader.load(URL(fileURLWithPath: path), fontFamilies: Set(FontSet.fallbackFamilies)) }
        }
        for path in template {
            check {
                for file in try TemplateLoader.files(at: [URL(fileURLWithPath: path)]) {
                    check { _ = try TemplateLoader.load(file) }
                }
            }
        }
        for problem in problems {
            FileHandle.standardError.write(Data("\(problem)\n".utf8))
        }
        if problems.isEmpty {
            print("ok: \(feed.count + brand.count + template.count) input(s) valid")
        } else {
            throw ExitCode(missing ? ExitStatus.noInput : ExitStatus.dataError)
        }
    }
}
