import Testing
@testable import BanneretKit

@Suite struct ByteBudgetTests {
    @Test(arguments: [
        (300, 250, 150_000), (728, 90, 150_000), (160, 600, 150_000), (300, 600, 150_000), (336, 280, 150_000),
        (320, 50, 50_000), (300, 50, 50_000), (970, 250, 250_000),
    ])
    func iabDefaultsInSIKilobytes(width: Int, height: Int, bytes: Int) {
        let size = BannerSize(width: width, height: height)
        #expect(ByteBudget.iabDefaultBytes(for: size) == bytes)
        #expect(ByteBudget.iabDefaults.maxBytes(for: size) == bytes)
    }

    @Test func sizesOutsideTheTableHaveNoDefault() {
        for size in [BannerSize(width: 1200, height: 628), BannerSize(width: 1080, height: 1080),
                     BannerSize(width: 250, height: 300)] {
            #expect(ByteBudget.iabDefaultBytes(for: size) == nil, "\(size)")
            #expect(ByteBudget.iabDefaults.maxBytes(for: size) == nil, "\(size)")
        }
    }

    @Test func callerLimitAppliesToEverySize() {
        #expect(ByteBudget.kilobytes(80).maxBytes(for: BannerSize(width: 1080, height: 1080)) == 80_000)
        #expect(ByteBudget.kilobytes(80).maxBytes(for: BannerSize(width: 300, height: 250)) == 80_000)
        #expect(ByteBudget.unlimited.maxBytes(for: BannerSize(width: 300, height: 250)) == nil)
    }

    @Test func parsesCommandLineValues() {
        #expect(ByteBudget(argument: "iab") == .iabDefaults)
        #expect(ByteBudget(argument: "IAB") == .iabDefaults)
        #expect(ByteBudget(argument: "none") == .unlimited)
        #expect(ByteBudget(argument: "120") == .kilobytes(120))
        for bad in ["0", "-5", "1.5", "", "150kb", "99999999999999999999"] {
            #expect(ByteBudget(argument: bad) == nil, "'\(bad)'")
        }
        for budget in [ByteBudget.iabDefaults, .unlimited, .kilobytes(42)] {
            #expect(ByteBudget(argument: budget.description) == budget)
        }
    }
}
