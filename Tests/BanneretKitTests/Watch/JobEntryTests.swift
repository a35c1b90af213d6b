import Foundation
import Testing
@testable import BanneretKit

@Suite struct JobEntryTests {
    func kind(_ name: String, directory: Bool = false, holdsJob: Bool = true) -> JobEntry.Kind? {
        JobEntry.classify(name: name, isDirectory: directory) { holdsJob }?.kind
    }

    @Test func jobFilesFoldersAndBareFeedsAreJobs() {
        #expect(kind("spring.yaml") == .jobFile)
        #expect(kind("spring.YML") == .jobFile)
        #expect(kind("spring", directory: true) == .folder)
        for name in ["a.xml", "a.csv", "a.tsv", "a.json", "a.jsonl"] { #expect(kind(name) == .feed, "\(name)") }
    }

    @Test func everythingElseIsLeftAlone() {
        #expect(kind(".hidden.csv") == nil, "dot-entries are uploads in progress or ours")
        #expect(kind("a.csv.part") == nil)
        #expect(kind("a.csv.ready") == nil, "markers are not jobs")
        #expect(kind("notes.txt") == nil)
        #expect(kind("spring", directory: true, holdsJob: false) == nil, "a folder without job.yaml is not a job (yet)")
    }

    @Test func outputNamesDropTheExtensionButNotAFoldersName() {
        #expect(JobEntry(name: "shoes.csv", kind: .feed).outputName == "shoes")
        #expect(JobEntry(name: "shoes.yaml", kind: .jobFile).outputName == "shoes")
        #expect(JobEntry(name: "spring.2024", kind: .folder).outputName == "spring.2024")
        #expect(JobEntry(name: "shoes.csv", kind: .feed).markerName == "shoes.csv.ready")
    }
}
