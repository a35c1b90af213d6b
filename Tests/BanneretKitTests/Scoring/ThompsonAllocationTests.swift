import Testing
@testable import BanneretKit

@Suite struct ThompsonAllocationTests {
    static let arms = [
        ThompsonAllocation.Arm(segment: "kr", variant: "red", impressions: 2000, clicks: 80),
        ThompsonAllocation.Arm(segment: "kr", variant: "blue", impressions: 2000, clicks: 30),
        ThompsonAllocation.Arm(segment: "jp", variant: "proven", impressions: 5000, clicks: 100),
        ThompsonAllocation.Arm(segment: "jp", variant: "new", impressions: 200, clicks: 1),
        ThompsonAllocation.Arm(segment: "us", variant: "red", impressions: 1000, clicks: 20),
        ThompsonAllocation.Arm(segment: "us", variant: "blue", impressions: 1000, clicks: 20),
    ]

    @Test func sharesSumToOneAndFavourTheClearlyBetterArm() throws {
        let shares = ThompsonAllocation(draws: 4000, seed: 1).shares(Self.arms)
        #expect(shares.keys.sorted() == ["jp", "kr", "us"])
        for (segment, split) in shares {
            #expect(abs(split.values.reduce(0, +) - 1) < 1e-12, "\(segment)")
        }
        let kr = try #require(shares["kr"])
        // 4 % against 1.5 % over 2,000 impressions each: red is best almost surely.
        #expect(try #require(kr["red"]) > 0.99)
        #expect(try #require(kr["blue"]) < 0.01)
        // One click in 200 impressions looks worse than a proven 2 % but proves little:
        // the newcomer keeps some traffic (about 9 %, the chance its true rate is higher).
        let jp = try #require(shares["jp"])
        #expect(try #require(jp["new"]) > 0.03 && jp["new"]! < 0.2, "\(jp)")
        let us = try #require(shares["us"])
        #expect(abs(try #require(us["red"]) - 0.5) < 0.05, "equal evidence, equal split")
    }

    @Test func theSameSeedGivesTheSameSplitAndSegmentsDoNotDisturbEachOther() {
        let all = ThompsonAllocation(draws: 2000, seed: 9).shares(Self.arms)
        #expect(all == ThompsonAllocation(draws: 2000, seed: 9).shares(Self.arms))
        let usOnly = ThompsonAllocation(draws: 2000, seed: 9).shares(Self.arms.filter { $0.segment == "us" })
        #expect(usOnly["us"] == all["us"])
        #expect(ThompsonAllocation(draws: 2000, seed: 10).shares(Self.arms)["us"] != all["us"])
    }

    @Test func armsAddUpTheRowsOfEachVariantAndSkipRowsWithoutOne() {
        let rows = [
            ClickRow(segment: "kr", variant: "red", features: [:], impressions: 100, clicks: 3),
            ClickRow(segment: "kr", variant: "red", features: [:], impressions: 50, clicks: 2),
            ClickRow(segment: "kr", features: [:], impressions: 70, clicks: 1),
        ]
        #expect(ThompsonAllocation.arms(from: rows) == [.init(segment: "kr", variant: "red", impressions: 150, clicks: 5)])
    }

    @Test func betaDrawsHaveTheRightMeanAndSpread() {
        var sampler = BetaSampler(seed: 4)
        let draws = (0 ..< 20000).map { _ in sampler.beta(3, 7) }
        let mean = draws.reduce(0, +) / Double(draws.count)
        let variance = draws.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(draws.count)
        // Beta(3, 7): mean 0.3, variance 3·7 / (10² · 11) ≈ 0.01909.
        #expect(abs(mean - 0.3) < 0.005)
        #expect(abs(variance - 21.0 / 1100) < 0.001)
        let small = (0 ..< 20000).map { _ in sampler.gamma(0.5) }
        #expect(abs(small.reduce(0, +) / 20000 - 0.5) < 0.02, "Gamma(0.5) has mean 0.5")
    }
}
