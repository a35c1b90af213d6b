import Foundation
import Testing
@testable import BanneretKit

@Suite struct JobOwnerTests {
    let me = JobOwner(host: "alpha", pid: 100)

    @Test func claimNamesRoundTripEvenWithAtSignsInTheJobName() throws {
        let name = me.claimName(for: "team@shoes.csv")
        #expect(name == "team@shoes.csv@alpha@100")
        let parsed = try #require(JobOwner.parse(claimName: name))
        #expect(parsed.name == "team@shoes.csv" && parsed.owner == me)
        #expect(JobOwner.parse(claimName: "shoes.csv") == nil)
        #expect(JobOwner.parse(claimName: "shoes.csv@alpha@x") == nil)
        #expect(JobOwner.parse(claimName: "@alpha@5") == nil)
    }

    let claimed = Date(timeIntervalSince1970: 1_000_000)

    func state(_ owner: JobOwner, held: Set<String> = [], touched: Date? = nil, now: Date? = nil,
               started: Date? = Date(timeIntervalSince1970: 999_000)) -> OwnerState {
        OwnerLiveness(staleAfter: 600, held: held).state(
            of: owner, claimName: owner.claimName(for: "a.csv"), changed: claimed, touched: touched ?? claimed,
            now: now ?? claimed.addingTimeInterval(5), me: me, startTime: { _ in started })
    }

    @Test func ownClaimsAreCurrentOnlyWhileHeld() {
        #expect(state(me, held: ["a.csv@alpha@100"]) == .current)
        #expect(state(me) == .dead, "the same pid without the claim in hand is an earlier life (a container's pid 1)")
    }

    @Test func anotherProcessOnThisHostLivesWhileItsPidIsItsOwn() {
        let other = JobOwner(host: "alpha", pid: 200)
        #expect(state(other) == .alive)
        #expect(state(other, started: nil) == .dead, "no such process")
        #expect(state(other, started: claimed.addingTimeInterval(60)) == .dead, "the pid was reused after the claim")
    }

    @Test func anotherHostsClaimLivesWhileItIsTouched() {
        let remote = JobOwner(host: "beta", pid: 100)
        #expect(state(remote, touched: claimed, now: claimed.addingTimeInterval(599)) == .alive)
        #expect(state(remote, touched: claimed, now: claimed.addingTimeInterval(601)) == .dead)
    }

    @Test func thisProcessHasAStartTimeAndAMissingOneHasNone() throws {
        let started = try #require(ProcessStart.time(of: getpid()))
        #expect(started <= Date().addingTimeInterval(2) && started > Date().addingTimeInterval(-86_400 * 365))
        #expect(ProcessStart.time(of: Int32.max - 1) == nil)
    }
}
