import Foundation
import Testing
@testable import BanneretKit

@Suite struct WatchLogTests {
    final class Lines: @unchecked Sendable {
        let lock = NSLock()
        var text = ""
        func append(_ data: Data) { lock.withLock { text += String(decoding: data, as: UTF8.self) } }
    }

    @Test func oneJSONObjectPerLineWithTheCommonFieldsFirst() throws {
        let lines = Lines()
        let log = WatchLog(write: { lines.append($0) }, clock: { Date(timeIntervalSince1970: 0) })
        log.log("job.done", job: "a \"b\".csv", [("banners", .int(12)), ("seconds", .number(1.5)), ("reused", .flag(false)),
                                                 ("note", .text("line\nbreak\u{1}"))])
        log.log(.error, "daemon.failed")
        let rows = lines.text.split(separator: "\n")
        #expect(rows.count == 2)
        #expect(rows[0].hasPrefix("{\"ts\":\"1970-01-01T00:00:00.000Z\",\"level\":\"info\",\"event\":\"job.done\",\"job\":"))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(rows[0].utf8)) as? [String: Any])
        #expect(object["job"] as? String == "a \"b\".csv")
        #expect(object["banners"] as? Int == 12 && object["seconds"] as? Double == 1.5 && object["reused"] as? Bool == false)
        #expect(object["note"] as? String == "line\nbreak\u{1}")
        let second = try #require(try JSONSerialization.jsonObject(with: Data(rows[1].utf8)) as? [String: Any])
        #expect(second["level"] as? String == "error" && second["job"] == nil)
    }
}
