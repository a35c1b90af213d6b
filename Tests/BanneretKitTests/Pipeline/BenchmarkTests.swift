import Foundation
import Testing
@testable import BanneretKit

@Suite struct BenchmarkTests {
    /// The budgeted-encode figures come from a real rendered banner and must
    /// describe encodes that met their budgets.
    @Test func budgetedEncodeFiguresMeetTheirBudgets() throws {
        let bench = try Benchmark(engine: Fixtures.engine, feedURL: Fixtures.examples.appendingPathComponent("feed.jsonl"))
        let figures = try bench.budgetedEncodeFigures(size: BannerSize(width: 300, height: 250), repetitions: 1)
        #expect(figures["iab_budget_bytes"] == 150_000)
        for format in ["jpeg", "png"] {
            let unbudgeted = try #require(figures["\(format)_unbudgeted_bytes"])
            #expect(try #require(figures["\(format)_iab_bytes"]) <= 150_000, "\(format)")
            #expect(try #require(figures["\(format)_just_under_bytes"]) < unbudgeted, "\(format)")
            #expect(try #require(figures["\(format)_just_under_encodes"]) > 1, "\(format): the budget forces a search")
            #expect(try #require(figures["\(format)_just_under_ms"]) > 0, "\(format)")
        }
        #expect(throws: BanneretError.self) {
            try bench.budgetedEncodeFigures(size: BannerSize(width: 1080, height: 1080), repetitions: 1)
        }
    }
}
