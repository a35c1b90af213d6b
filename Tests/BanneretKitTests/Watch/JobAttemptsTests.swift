import Foundation
import Testing
@testable import BanneretKit

@Suite struct JobAttemptsTests {
    let job = FileStamp(size: 1, modified: 0, changed: 0, inode: 42, device: 7, isDirectory: false)

    @Test func startsWithoutProgressAddUpAndProgressResetsThem() {
        var attempts = JobAttempts.begin(after: nil, job: job, progress: 0)
        #expect(attempts.withoutProgress == 1 && attempts.started == 1)
        for expected in 2 ... 6 {
            attempts = JobAttempts.begin(after: attempts, job: job, progress: 0)
            #expect(attempts.withoutProgress == expected)
        }
        #expect(attempts.exhausted(limit: 5) && !attempts.exhausted(limit: 6))
        attempts = JobAttempts.begin(after: attempts, job: job, progress: 1_200)
        #expect(attempts.withoutProgress == 1 && attempts.started == 7, "the journal grew: the last start finished something")
        #expect(!attempts.exhausted(limit: 5))
    }

    @Test func anotherJobUnderTheSameNameStartsAfresh() {
        var earlier = JobAttempts.begin(after: nil, job: job, progress: 0)
        earlier.withoutProgress = 9
        earlier.lastError = "boom"
        var replaced = job
        replaced.inode = 43
        let attempts = JobAttempts.begin(after: earlier, job: replaced, progress: 0)
        #expect(attempts.withoutProgress == 1 && attempts.started == 1 && attempts.lastError == nil)
        #expect(JobAttempts.begin(after: earlier, job: job, progress: 0).lastError == "boom")
    }

    @Test func itIsKeptInAFile() throws {
        let url = Fixtures.temporaryDirectory("attempts").appendingPathComponent("a.attempts.json")
        #expect(JobAttempts.load(url) == nil)
        var attempts = JobAttempts.begin(after: nil, job: job, progress: 10)
        attempts.lastError = "network"
        try attempts.save(url)
        #expect(JobAttempts.load(url) == attempts)
        try Data("{torn".utf8).write(to: url)
        #expect(JobAttempts.load(url) == nil, "a record that cannot be read counts as none")
    }
}
