import Foundation
import Testing
@testable import BanneretKit

@Suite struct PreviewPageTests {
    func entry(_ product: String, _ size: String, path: String, warnings: [String] = []) -> ManifestEntry {
        ManifestEntry(id: "\(product)-\(size)", productID: product, template: "stock-hero", size: size, format: "png", path: path,
                      bytes: 18_900, variant: [:], scores: ["total": 0.0211], metrics: [FeatureKey.contrastMin: 4.85], text: [],
                      renderMS: 3, warnings: warnings)
    }

    @Test func bannersAreGroupedByProductInManifestOrderAndLinkedRelatively() {
        let page = PreviewPage(entries: [entry("b", "300x250", path: "b-1.png"), entry("a", "1080x1080", path: "a 1.png"),
                                         entry("b", "728x90", path: "b-2.png")],
                               rejections: [], bannerPrefix: "../Output/", title: "run").html
        let b = page.range(of: "<h2>b</h2>")!.lowerBound, a = page.range(of: "<h2>a</h2>")!.lowerBound
        #expect(b < a)
        #expect(page.contains(#"src="../Output/b-2.png" width="728" height="90""#))
        // A 1080 square is shrunk to 600 px; a space in a file name is escaped.
        #expect(page.contains(#"src="../Output/a%201.png" width="600" height="600""#))
        #expect(page.contains("contrast 4.8:1") && page.contains("total 2.11%"))
    }

    @Test func warningsAreFlaggedAndRejectionsListedWithTheirCodeAndPlace() {
        let rejected = RejectedItem(productID: "c", size: "320x50",
                                    error: BanneretError(.textOverflow, "'headline' does not fit", at: Location(file: "t.yaml", element: "headline")))
        let page = PreviewPage(entries: [entry("b", "300x250", path: "b.png", warnings: ["text 'headline' was shortened"])],
                               rejections: [rejected], bannerPrefix: "", title: "run").html
        #expect(page.contains(#"<figure class="warned">"#) && page.contains("⚠ text &#39;headline&#39; was shortened"))
        #expect(page.contains("<code>text.overflow</code>") && page.contains("t.yaml element &#39;headline&#39;"))
    }

    @Test func whatTheFeedSaysCannotBecomeMarkup() {
        let page = PreviewPage(entries: [entry("<script>alert(1)</script>", "300x250", path: "x.png")],
                               rejections: [], bannerPrefix: "", title: "<b>").html
        #expect(!page.contains("<script>") && !page.contains("<title><b>"))
        #expect(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    }
}
