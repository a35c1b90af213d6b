import Foundation
import Testing
@testable import BanneretKit

/// The stock library clears its bars (validity, overlap, alignment, underlay,
/// no overflow, no tofu, brand contrast) at every named size over the
/// Examples feed. `make quality` measures the same over the real sample feeds.
@Suite struct TemplateLibraryQualityTests {
    @Test func everyTemplateClearsEveryBarAtEverySize() throws {
        let report = try TemplateQualityRun.run(engine: Fixtures.libraryEngine,
                                                feeds: [ExampleProducts.feedURL], defaultCurrency: nil,
                                                sizes: SizeCatalog.iab + SizeCatalog.social, standIns: [], jobs: 2)
        #expect(report.rows.count >= 12, "the library promises at least twelve templates")
        for row in report.rows {
            #expect(row.failures.isEmpty, "\(row.template): \(row.failures.joined(separator: "; ")) \(row.examples)")
            // Every Examples product renders at every size: no refusal of any kind.
            #expect(row.rejections.isEmpty, "\(row.template): \(row.examples)")
            // Catalogue grids show the Examples' two category pairs (Electronics, Home).
            let subjects = row.template == "catalogue-grid" ? 2 : 14
            #expect(row.sizes.count == 12 && row.rendered == subjects * 12, "\(row.template): \(row.rendered)")
        }
    }
}
