import Foundation

/// Layout quality of each template over many products and sizes, in the
/// terms of the layout-generation literature (PosterLayout, RALF), with the
/// bars the template library must clear. Pure: fed outcomes, it aggregates
/// and prints; ``TemplateQualityRun`` does the rendering.
public struct TemplateQualityReport: Sendable {
    /// What one banner came to: its measured features, or why it was refused.
    public enum Outcome: Sendable {
        /// `tooSmall`: elements under PosterLayout's validity floor, by id, so a report says which.
        case rendered(metrics: [String: Double], tooSmall: [String])
        case rejected(BanneretError)
    }

    /// The bars a stock template must clear; means over a template's banners,
    /// as datasets report them, plus the worst banner where one banner
    /// breaking a rule is a defect on its own (overflow, tofu, contrast).
    public enum Bar {
        public static let validity = 1.0
        public static let overlap = 0.001
        public static let alignment = 0.002
        public static let underlay = 0.95
    }

    /// One template's figures.
    public struct Row: Sendable {
        public var template: String
        public var rendered = 0
        public var rejections: [BanneretError.Code: Int] = [:]
        var validity = Summary(), overlap = Summary(), alignment = Summary(), underlay = Summary()
        var contrastMinimum = Double.infinity
        var contrastFailures = 0
        /// Sizes at which at least one banner was rendered.
        var sizes: Set<String> = []
        /// "element at size" → banners where it fell under the validity floor.
        var invalidElements: [String: Int] = [:]
        /// The first refusal of each kind, to say where to look.
        public var examples: [BanneretError.Code: String] = [:]

        public var overflow: Int { rejections[.textOverflow, default: 0] }
        public var tofu: Int { rejections[.textUnknownGlyphs, default: 0] }
        public var meanValidity: Double? { validity.mean }
        public var meanOverlap: Double? { overlap.mean }
        public var meanAlignment: Double? { alignment.mean }
        /// Loose underlay effectiveness, over banners that have an underlay.
        public var meanUnderlay: Double? { underlay.mean }
        public var worstValidity: Double? { validity.count > 0 ? validity.minimum : nil }

        /// Every bar the template misses, in words; empty when it clears them all.
        public var failures: [String] {
            var missed: [String] = []
            if let v = meanValidity, v < Bar.validity {
                let worst = invalidElements.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.prefix(3).map { "\($0.key) ×\($0.value)" }
                missed.append("validity \(format(v)) < \(format(Bar.validity)) (too small: \(worst.joined(separator: ", ")))")
            }
            if let v = meanOverlap, v > Bar.overlap { missed.append("overlap \(format(v)) > \(format(Bar.overlap))") }
            if let v = meanAlignment, v > Bar.alignment { missed.append("alignment \(format(v)) > \(format(Bar.alignment))") }
            if let v = meanUnderlay, v < Bar.underlay { missed.append("underlay \(format(v)) < \(format(Bar.underlay))") }
            if overflow > 0 { missed.append("\(overflow) banner(s) refused for text overflow") }
            if tofu > 0 { missed.append("\(tofu) banner(s) refused for missing glyphs") }
            // A picture that cannot be loaded is the feed's problem; anything else a template can refuse is the template's.
            for (code, count) in rejections.sorted(by: { $0.key.rawValue < $1.key.rawValue })
            where ![.textOverflow, .textUnknownGlyphs, .brandViolation].contains(code) && !code.rawValue.hasPrefix("image.") {
                missed.append("\(count) banner(s) refused with \(code.rawValue)")
            }
            if let broken = rejections[.brandViolation] { missed.append("\(broken) banner(s) refused for brand rules") }
            if contrastFailures > 0 { missed.append("\(contrastFailures) banner(s) under the brand's minimum contrast") }
            if rendered == 0 { missed.append("nothing rendered") }
            return missed
        }

        mutating func add(_ outcome: Outcome, size: String) {
            switch outcome {
            case .rejected(let error):
                rejections[error.code, default: 0] += 1
                if examples[error.code] == nil { examples[error.code] = "\(size): \(error.message)" }
            case .rendered(let metrics, let tooSmall):
                rendered += 1
                for id in tooSmall { invalidElements[id + " at " + size, default: 0] += 1 }
                sizes.insert(size)
                metrics[FeatureKey.validity].map { validity.add($0) }
                metrics[FeatureKey.overlap].map { overlap.add($0) }
                metrics[FeatureKey.alignment].map { alignment.add($0) }
                metrics[FeatureKey.underlayEffectivenessLoose].map { underlay.add($0) }
                if let contrast = metrics[FeatureKey.contrastMin] { contrastMinimum = min(contrastMinimum, contrast) }
                if metrics[FeatureKey.textContrastViolation, default: 0] > 0 { contrastFailures += 1 }
            }
        }
    }

    struct Summary: Sendable {
        var count = 0, total = 0.0, minimum = Double.infinity, maximum = -Double.infinity
        var mean: Double? { count > 0 ? total / Double(count) : nil }
        mutating func add(_ value: Double) {
            count += 1
            total += value
            minimum = min(minimum, value)
            maximum = max(maximum, value)
        }
    }

    public private(set) var rows: [Row] = []
    /// Products per feed, for the report's header.
    public var feeds: [(name: String, products: Int)] = []
    public var sizes: [BannerSize] = []

    public init(templates: [String]) {
        rows = templates.map { Row(template: $0) }
    }

    public mutating func add(_ outcome: Outcome, template: String, size: BannerSize) {
        guard let index = rows.firstIndex(where: { $0.template == template }) else { return }
        rows[index].add(outcome, size: size.description)
    }

    /// True when every template clears every bar.
    public var passes: Bool { rows.allSatisfy(\.failures.isEmpty) }

    /// The report as Markdown: one row per template, one column per metric.
    public func markdown(command: String) -> String {
        var text = """
        # Template quality

        Generated by `\(command)`; do not edit by hand. Every template in `Templates/`
        rendered at every size below over every product of these feeds (products whose
        picture cannot be loaded here, such as remote links, get a stand-in picture from
        `Examples/images`, so their layouts are still measured with the real copy):
        \(feeds.map { "`\($0.name)` (\($0.products) products)" }.joined(separator: ", ")).
        Catalogue grids are measured over the groups `generate` forms from the same feeds.

        Sizes: \(sizes.map(\.description).joined(separator: ", ")).

        Metrics follow PosterLayout (Hsu et al., CVPR 2023) as RALF (Horita et al., CVPR 2024)
        computes them (see FEATURES.md): **validity** (share of elements covering ≥ 0.1 % of the
        canvas, higher is better), **overlap** (mean IoU of pairs of elements that are not declared
        underlays), **alignment** (mean −log₁₀(1 − d) of each element's distance to the nearest
        shared edge or centre line), **underlay** (loose underlay effectiveness: how fully each
        card, scrim, button or badge carries an element, over banners that have one). Means over
        each template's rendered banners. For scale, DS-GAN on the PKU PosterLayout test set:
        overlap 0.022, alignment 0.0046, loose underlay 0.83.

        Bars: validity = \(format(Bar.validity)), overlap ≤ \(format(Bar.overlap)),
        alignment ≤ \(format(Bar.alignment)), underlay ≥ \(format(Bar.underlay)), and no banner
        refused for text overflow or missing glyphs (tofu), none under the brand's minimum contrast.
        A banner whose text cannot fit is refused, never clipped; refusals for other reasons are
        listed as they are.

        | template | rendered | sizes | validity (min) | overlap (max) | alignment (max) | underlay (min) | min contrast | overflow | tofu | refused, other | verdict |
        |---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|

        """
        for row in rows {
            let others = row.rejections.filter { ![.textOverflow, .textUnknownGlyphs].contains($0.key) }
                .sorted { $0.key.rawValue < $1.key.rawValue }.map { "\($0.key.rawValue) \($0.value)" }
            let cells = [
                "`\(row.template)`", "\(row.rendered)", "\(row.sizes.count)",
                pair(row.validity.mean, row.validity.count > 0 ? row.validity.minimum : nil),
                pair(row.overlap.mean, row.overlap.count > 0 ? row.overlap.maximum : nil),
                pair(row.alignment.mean, row.alignment.count > 0 ? row.alignment.maximum : nil),
                pair(row.underlay.mean, row.underlay.count > 0 ? row.underlay.minimum : nil),
                row.contrastMinimum.isFinite ? String(format: "%.2f", row.contrastMinimum) : "–",
                "\(row.overflow)", "\(row.tofu)", others.isEmpty ? "–" : others.joined(separator: ", "),
                row.failures.isEmpty ? "pass" : "**" + row.failures.joined(separator: "; ") + "**",
            ]
            text += "| " + cells.joined(separator: " | ") + " |\n"
        }
        return text
    }

    private func pair(_ mean: Double?, _ extreme: Double?) -> String {
        guard let mean, let extreme else { return "–" }
        return "\(format(mean)) (\(format(extreme)))"
    }
}

private func format(_ value: Double) -> String {
    value == value.rounded() ? String(format: "%.0f", value) : String(format: "%.4f", value)
}
