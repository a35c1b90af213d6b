import Foundation
import Testing
@testable import BanneretKit

@Suite struct ExclusiveRenameTests {
    let folder = Fixtures.temporaryDirectory("rename")

    @Test func movesButNeverReplaces() throws {
        let a = folder.appendingPathComponent("a"), b = folder.appendingPathComponent("b")
        try Data("A".utf8).write(to: a)
        try Data("B".utf8).write(to: b)
        #expect(ExclusiveRename.move(a, to: b) == .targetTaken)
        #expect(try String(contentsOf: b, encoding: .utf8) == "B", "rename(2) would have replaced it")
        let c = folder.appendingPathComponent("c")
        #expect(ExclusiveRename.move(a, to: c) == .moved)
        #expect(try String(contentsOf: c, encoding: .utf8) == "A")
        #expect(ExclusiveRename.move(a, to: folder.appendingPathComponent("d")) == .sourceGone)
    }

    @Test func foldersToo() throws {
        let a = folder.appendingPathComponent("x"), b = folder.appendingPathComponent("y")
        try FileManager.default.createDirectory(at: a, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: b, withIntermediateDirectories: true)
        #expect(ExclusiveRename.move(a, to: b) == .targetTaken, "even an empty folder is not replaced")
        #expect(ExclusiveRename.move(a, to: folder.appendingPathComponent("z")) == .moved)
    }
}
