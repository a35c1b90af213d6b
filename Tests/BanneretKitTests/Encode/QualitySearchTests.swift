import Foundation
import Testing
@testable import BanneretKit

@Suite struct QualitySearchTests {
    /// Fake encoder: `bytes(quality)` bytes, recording each quality tried.
    final class FakeEncoder {
        var tried: [Int] = []
        let bytes: (Int) -> Int
        init(_ bytes: @escaping (Int) -> Int) { self.bytes = bytes }
        func encode(_ quality: Int) -> Data {
            tried.append(quality)
            return Data(count: bytes(quality))
        }
    }

    @Test func requestedQualityThatFitsCostsOneEncode() {
        let fake = FakeEncoder { $0 * 100 }
        let outcome = QualitySearch.highestFitting(requested: 85, floor: 40, maxBytes: 8_500, encode: fake.encode)
        #expect(outcome.fitting?.quality == 85)
        #expect(outcome.attempts == 1)
        #expect(fake.tried == [85])
    }

    @Test func findsTheHighestFittingQualityInLogarithmicEncodes() {
        for budget in [4_000, 6_050, 8_499, 4_099] {
            let fake = FakeEncoder { $0 * 100 }
            let outcome = QualitySearch.highestFitting(requested: 85, floor: 40, maxBytes: budget, encode: fake.encode)
            #expect(outcome.fitting?.quality == min(budget / 100, 84), "budget \(budget)")
            #expect(outcome.fitting?.data.count ?? .max <= budget)
            // One for the requested quality, then at most ceil(log2(45 + 1)) = 6 for 40...84.
            #expect(outcome.attempts <= 7, "budget \(budget): \(fake.tried)")
            #expect(outcome.attempts == fake.tried.count)
        }
    }

    @Test func reportsTheSmallestTrialWhenNothingFits() {
        let fake = FakeEncoder { 1_000 + $0 * 10 }
        let outcome = QualitySearch.highestFitting(requested: 85, floor: 40, maxBytes: 999, encode: fake.encode)
        #expect(outcome.fitting == nil)
        #expect(outcome.smallest == QualitySearch.Trial(quality: 40, bytes: 1_400))
        #expect(fake.tried.contains(40))
        #expect(fake.tried.allSatisfy { (40 ... 85).contains($0) })
    }

    @Test func aRequestBelowTheFloorIsNotRaised() {
        let fake = FakeEncoder { $0 * 100 }
        let outcome = QualitySearch.highestFitting(requested: 30, floor: 40, maxBytes: 100, encode: fake.encode)
        #expect(outcome.fitting == nil)
        #expect(fake.tried == [30])
    }

    /// Sizes that jump around (as a chroma-subsampling switch makes them) may cost
    /// the best quality, but never yield an oversize result.
    @Test func neverReturnsOversizeWhenSizesAreNotMonotone() {
        var random = SplitMix64(seed: 7)
        for _ in 0 ..< 200 {
            let table = (0 ... 100).map { _ in Int(random.next() % 10_000) }
            let budget = Int(random.next() % 10_000)
            let fake = FakeEncoder { table[$0] }
            let outcome = QualitySearch.highestFitting(requested: 90, floor: 40, maxBytes: budget, encode: fake.encode)
            if let fitting = outcome.fitting {
                #expect(fitting.data.count <= budget)
                #expect(table[fitting.quality] <= budget)
            }
            #expect(outcome.smallest.bytes == fake.tried.map { table[$0] }.min())
        }
    }
}
