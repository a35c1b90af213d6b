import Testing
@testable import BanneretKit

@Suite struct TemplateQualityReportTests {
    let size = BannerSize(width: 300, height: 250)

    func metrics(validity: Double = 1, overlap: Double = 0, alignment: Double = 0, underlay: Double? = 1) -> [String: Double] {
        var values = [FeatureKey.validity: validity, FeatureKey.overlap: overlap, FeatureKey.alignment: alignment,
                      FeatureKey.contrastMin: 7]
        values[FeatureKey.underlayEffectivenessLoose] = underlay
        return values
    }

    @Test func aCleanTemplatePasses() {
        var report = TemplateQualityReport(templates: ["clean"])
        report.add(.rendered(metrics: metrics(), tooSmall: []), template: "clean", size: size)
        report.add(.rendered(metrics: metrics(alignment: 0.003, underlay: nil), tooSmall: []), template: "clean", size: size)
        #expect(report.rows[0].failures.isEmpty)
        #expect(report.rows[0].meanAlignment == 0.0015)
        #expect(report.rows[0].meanUnderlay == 1)   // banners without an underlay do not count
        #expect(report.passes)
    }

    @Test func everyBarMissedIsNamed() {
        var report = TemplateQualityReport(templates: ["messy"])
        report.add(.rendered(metrics: metrics(validity: 0.5, overlap: 0.01, alignment: 0.01, underlay: 0.5),
                             tooSmall: ["badge_text"]), template: "messy", size: size)
        report.add(.rejected(BanneretError(.textOverflow, "x")), template: "messy", size: size)
        report.add(.rejected(BanneretError(.textUnknownGlyphs, "x")), template: "messy", size: size)
        report.add(.rejected(BanneretError(.brandViolation, "x")), template: "messy", size: size)
        let failures = report.rows[0].failures
        #expect(failures.count == 7)
        #expect(failures[0].contains("badge_text at 300x250 ×1"))
        #expect(failures.contains { $0.hasPrefix("overlap 0.0100") })
        #expect(failures.contains { $0.hasPrefix("1 banner(s) refused for text overflow") })
        #expect(!report.passes)
        let markdown = report.markdown(command: "banneret quality")
        #expect(markdown.contains("| `messy` | 1 | 1 | 0.5000 (0.5000) | 0.0100 (0.0100) |"))
    }

    @Test func aTemplateThatRendersNothingFails() {
        var report = TemplateQualityReport(templates: ["empty"])
        report.add(.rejected(BanneretError(.layoutUnsatisfiable, "x")), template: "empty", size: size)
        #expect(report.rows[0].failures == ["1 banner(s) refused with layout.unsatisfiable", "nothing rendered"])
    }

    @Test func aPictureThatCannotBeLoadedIsNotTheTemplatesFault() {
        var report = TemplateQualityReport(templates: ["t"])
        report.add(.rendered(metrics: metrics(), tooSmall: []), template: "t", size: size)
        report.add(.rejected(BanneretError(.imageMissing, "x")), template: "t", size: size)
        #expect(report.rows[0].failures.isEmpty)
    }
}
