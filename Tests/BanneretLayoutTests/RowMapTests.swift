import Testing
@testable import BanneretLayout

@Suite struct RowMapTests {
    /// A required constraint that fails is tried and rolled back. Rows the
    /// trial appended are gone afterwards, and so must be every trace of
    /// them in the column index: the ratio test indexes slots by it, and a
    /// template asking for the impossible once crashed the renderer there.
    @Test func rollingBackForgetsTheSlotsTheTrialAppended() {
        var map = RowMap()
        let x = Symbol(.external, id: 1), slack = Symbol(.slack, id: 2), trial = Symbol(.slack, id: 3)
        var kept = Row(constant: 5)
        kept.insert(slack, -1)
        map.insert(kept, for: x)
        map.beginJournal()
        var tried = Row(constant: -3)
        tried.insert(slack, 1)
        let added = map.insert(tried, for: trial)
        #expect(added == 1)
        map.rollBack()
        var slots: [Int] = []
        map.slots(mightContaining: slack, into: &slots)
        #expect(slots == [0], "slot 1 was rolled back and no longer exists")
        #expect(slots.allSatisfy { $0 < map.rows.count })
    }
}
