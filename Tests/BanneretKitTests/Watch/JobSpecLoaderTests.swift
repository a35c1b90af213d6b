import Foundation
import Testing
@testable import BanneretKit

@Suite struct JobSpecLoaderTests {
    let folder = Fixtures.temporaryDirectory("jobspec")
    var defaults: JobSpec.Defaults {
        JobSpec.Defaults(brand: Fixtures.examples.appendingPathComponent("brand.yaml"),
                         templates: [Fixtures.repositoryRoot.appendingPathComponent("Templates/stock-hero.yaml")])
    }

    init() throws {
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("feeds"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: folder.appendingPathComponent("feeds/spring.csv"))
        try Data("name: x".utf8).write(to: folder.appendingPathComponent("brand.yaml"))
    }

    func parse(_ text: String) throws -> JobSpec {
        try JobSpecLoader.parse(text, file: "job.yaml", base: folder, defaults: defaults)
    }

    func error(_ text: String) -> BanneretError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error as? BanneretError
        }
    }

    @Test func everyKeyIsReadAndPathsAreRelativeToTheJobsFolder() throws {
        let spec = try parse("""
        feed: feeds/spring.csv
        brand: brand.yaml
        templates: [feeds]
        sizes: [300x250, social]
        format: jpeg
        quality: 70
        variants: 3
        seed: 9
        currency: eur
        feed_format: csv
        lenient: true
        """)
        #expect(spec.feed == folder.appendingPathComponent("feeds/spring.csv").standardizedFileURL)
        #expect(spec.brand == folder.appendingPathComponent("brand.yaml").standardizedFileURL)
        #expect(spec.templates == [folder.appendingPathComponent("feeds").standardizedFileURL])
        #expect(spec.sizes == [BannerSize(width: 300, height: 250)] + SizeCatalog.social)
        #expect(spec.format == .jpeg(quality: 70))
        #expect(spec.variants == 3 && spec.seed == 9 && spec.currency == "EUR" && spec.feedFormat == .csv && spec.lenient)
        #expect(spec.imageDirectory == nil, "images resolve against the feed's own folder")
    }

    @Test func pathsLeadingOutOfTheJobsFolderAreRefusedUnlessAllowed() throws {
        let outside = Fixtures.temporaryDirectory("jobspec-outside")
        try Data("id,title,price\n".utf8).write(to: outside.appendingPathComponent("feed.csv"))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("link.csv"),
                                                   withDestinationURL: outside.appendingPathComponent("feed.csv"))
        for (text, line) in [("feed: ../\(outside.lastPathComponent)/feed.csv", 1), ("feed: \(outside.path)/feed.csv", 1),
                             ("sizes: [300x250]\nfeed: link.csv", 2), ("feed: feeds/spring.csv\nbrand: /etc/hostname", 2)] {
            let refused = try #require(error(text), "\(text)")
            #expect(refused.code == .pathOutsideRoot && refused.location?.line == line && refused.message.contains("--allow-path"), "\(text)")
        }
        var allowing = defaults
        allowing.allowedDirectories = [outside]
        let spec = try JobSpecLoader.parse("feed: link.csv", file: "job.yaml", base: folder, defaults: allowing)
        #expect(spec.feed.lastPathComponent == "feed.csv", "the link resolved to the allowed file it names")
    }

    @Test func whatAJobLeavesOutComesFromTheDaemon() throws {
        let spec = try parse("feed: \(folder.appendingPathComponent("feeds/spring.csv").path)\nsizes: iab")
        #expect(spec.brand == defaults.brand && spec.templates == defaults.templates)
        #expect(spec.sizes == SizeCatalog.iab)
        #expect(spec.format == .defaultPNG && spec.variants == 1 && !spec.lenient)
        let list = try parse("feed: feeds/spring.csv\nsizes: \"300x250, 728x90\"")
        #expect(list.sizes == [BannerSize(width: 300, height: 250), BannerSize(width: 728, height: 90)])
    }

    @Test func unknownKeysSuggestTheClosestAndSayWhere() throws {
        let problem = try #require(error("feed: feeds/spring.csv\ntempaltes: x\n"))
        #expect(problem.code == .jobInvalid)
        #expect(problem.message.contains("did you mean 'templates'?"), "\(problem)")
        #expect(problem.location == Location(file: "job.yaml", line: 2, column: 1))
    }

    @Test func badYAMLIsAJobErrorWithItsLine() throws {
        let problem = try #require(error("feed: feeds/spring.csv\nsizes: [300x250\nformat: png\n"))
        #expect(problem.code == .jobInvalid && problem.message.hasPrefix("not valid YAML"), "\(problem)")
        #expect(problem.location?.file == "job.yaml" && (problem.location?.line ?? 0) >= 2)
    }

    @Test func missingFilesAreReportedAtTheLineThatNamesThem() throws {
        let feed = try #require(error("sizes: iab\nfeed: feeds/autumn.csv\n"))
        #expect(feed.code == .feedMissing && feed.location?.line == 2 && feed.location?.column == 7)
        #expect(feed.message.contains(folder.appendingPathComponent("feeds/autumn.csv").path))
        #expect(error("feed: feeds/spring.csv\nbrand: nope.yaml")?.code == .brandMissing)
        #expect(error("feed: feeds/spring.csv\ntemplates: [nope/]")?.code == .templateMissing)
    }

    @Test func badValuesAreRefused() {
        #expect(error("sizes: iab")?.message.contains("names no feed") == true)
        #expect(error("")?.code == .jobInvalid)
        #expect(error("feed: feeds/spring.csv\nformat: gif")?.message.contains("unknown format 'gif'") == true)
        #expect(error("feed: feeds/spring.csv\nquality: 101")?.code == .jobInvalid)
        #expect(error("feed: feeds/spring.csv\nvariants: 0")?.code == .jobInvalid)
        #expect(error("feed: feeds/spring.csv\ncurrency: euro")?.code == .jobInvalid)
        #expect(error("feed: feeds/spring.csv\nfeed_format: jsonl")?.message.contains("did you mean 'json'?") == true)
        #expect(error("feed: feeds/spring.csv\nsizes: [300by250]")?.code == .jobInvalid)
        #expect(error("feed: feeds/spring.csv\nlenient: maybe")?.code == .jobInvalid)
        #expect(error("feed: feeds/spring.csv\nseed: -1")?.code == .jobInvalid)
    }

    @Test func aBareFeedKeepsItsPicturesWhereItWasDropped() throws {
        let inbox = folder.appendingPathComponent("inbox")
        let claimed = folder.appendingPathComponent("feeds/spring.csv")
        let spec = try JobSpecLoader.load(JobEntry(name: "spring.csv", kind: .feed), at: claimed, inbox: inbox, defaults: defaults)
        #expect(spec.feed == claimed && spec.imageDirectory == inbox && spec.brand == defaults.brand)
        #expect(spec.generationOptions(output: folder, jobs: 1).imageDirectory == inbox)
    }

    @Test func aFolderJobReadsItsJobFileAndResolvesInsideItself() throws {
        let job = folder.appendingPathComponent("spring@host@1")
        try FileManager.default.createDirectory(at: job, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: job.appendingPathComponent("feed.jsonl"))
        let load = { try JobSpecLoader.load(JobEntry(name: "spring", kind: .folder), at: job, inbox: folder, defaults: defaults) }
        do {
            _ = try load()
            Issue.record("a folder without job.yaml loaded")
        } catch let error as BanneretError {
            #expect(error.code == .jobMissing)
        }
        try Data("feed: feed.jsonl\n".utf8).write(to: job.appendingPathComponent("job.yaml"))
        #expect(try load().feed == job.appendingPathComponent("feed.jsonl").standardizedFileURL)
    }
}
