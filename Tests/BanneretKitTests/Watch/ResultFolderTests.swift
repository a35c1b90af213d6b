import Foundation
import Testing
@testable import BanneretKit

@Suite struct ResultFolderTests {
    let folder = Fixtures.temporaryDirectory("results")

    func write(_ name: String, _ text: String = "x") throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func names() throws -> Set<String> { Set(try FileManager.default.contentsOfDirectory(atPath: folder.path)) }

    @Test func pruningRemovesBannersTheManifestDoesNotList() throws {
        for name in ["a.png", "b.jpg", "old.webp", "old.png", "notes.txt", ".hidden.png"] { try write(name) }
        try write("manifest.jsonl", "{\"id\":\"a\",\"path\":\"a.png\"}\n{\"id\":\"b\",\"path\":\"b.jpg\"}\n")
        #expect(ResultFolder.prune(folder) == 2)
        #expect(try names() == ["a.png", "b.jpg", "notes.txt", ".hidden.png", "manifest.jsonl"])
    }

    @Test func nothingIsPrunedAgainstAManifestThatCannotBeRead() throws {
        try write("a.png")
        #expect(ResultFolder.prune(folder) == 0, "no manifest")
        try write("manifest.jsonl", "{\"id\":\"b\",\"path\":\"b.png\"}\n{torn")
        #expect(ResultFolder.prune(folder) == 0)
        #expect(try names().contains("a.png"))
    }

    @Test func theJournalMeasuresProgressAndErrorsGiveTheFirstRejection() throws {
        #expect(ResultFolder.journalSize(folder) == 0)
        try write(".banneret/groups.jsonl", "k\t[]\n")
        #expect(ResultFolder.journalSize(folder) == 5)
        #expect(ResultFolder.firstRejection(folder) == nil)
        let item = RejectedItem(productID: "p", size: "300x250", error: BanneretError(.imageCorrupt, "bad", at: Location(file: "f", line: 2)))
        let encoder = JSONEncoder()
        try write("errors.jsonl", String(decoding: try encoder.encode(item), as: UTF8.self) + "\n{\"code\":\"text.overflow\"}\n")
        #expect(ResultFolder.firstRejection(folder) == item)
    }
}
