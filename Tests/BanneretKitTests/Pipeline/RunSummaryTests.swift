import Testing
@testable import BanneretKit

@Suite struct RunSummaryTests {
    func report() -> GenerationReport {
        var report = GenerationReport(entries: [], errors: [], seconds: 2, productsRead: 120, notices: [])
        report.bannersWritten = 590
        report.bannersReused = 10
        report.rejectedCount = 5
        report.rejectedByReason = ["image.missing": 1, "text.overflow": 3, "brand.violation": 1]
        report.bytesWritten = 18_250_000
        return report
    }

    @Test func oneScreenSaysWhatWasRenderedSkippedAndRejectedByReason() {
        let summary = RunSummary(report: report(), jobs: 2, manifest: "out/manifest.jsonl", errors: "out/errors.jsonl")
        #expect(summary.text == """
        banneret: finished in 2.00 s
          rendered  590 banners, 18.2 MB (295/s with 2 jobs)
          skipped   10 already done by an earlier run
          rejected  5: text.overflow 3, brand.violation 1, image.missing 1 → out/errors.jsonl
          products  120 read from the feed
          manifest  out/manifest.jsonl

        """)
    }

    @Test func fieldsCarryTheSameFiguresForLogCollectors() {
        let fields = Dictionary(uniqueKeysWithValues: RunSummary(report: report(), jobs: 2, manifest: "m", errors: "e").fields)
        #expect(fields["rendered"] == "590" && fields["bytes"] == "18250000" && fields["skipped"] == "10")
        #expect(fields["rejected"] == "5" && fields["rejected.text.overflow"] == "3")
    }

    @Test func sizesUseThousandsAsTheBudgetsDo() {
        #expect(RunSummary.bytes(999) == "999 B")
        #expect(RunSummary.bytes(150_000) == "150.0 kB")
        #expect(RunSummary.bytes(2_500_000_000) == "2.50 GB")
    }
}
