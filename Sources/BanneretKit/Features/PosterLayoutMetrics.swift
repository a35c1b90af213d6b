import Foundation

/// The geometric graphic metrics of PosterLayout (Hsu et al., "PosterLayout: A
/// New Benchmark and Approach for Content-aware Visual-Textual Presentation
/// Layout", CVPR 2023): validity, overlap and alignment, for one banner.
///
/// They follow the benchmark's code (`eval.py` of PKU-ICST-MIPL/PosterLayout-CVPR2023)
/// and its re-implementation in RALF (`image2layout/train/helpers/metric.py` of
/// CyberAgentAILab/RALF), which papers since report against. Where the two
/// differ the choice is noted on the metric. Datasets average these over
/// layouts; here each is one banner's value.
enum PosterLayoutMetrics {
    /// Share of layout elements whose box, clipped to the canvas, covers at
    /// least 0.1 % of it (higher is better, 0...1); nil without elements.
    static func validity(_ elements: [LayoutElement], canvas: Rect) -> Double? {
        guard !elements.isEmpty else { return nil }
        return Double(elements.filter { $0.isValid(on: canvas) }.count) / Double(elements.count)
    }

    /// Mean intersection over union of every pair of valid non-underlay
    /// elements (lower is better, 0...1), as RALF's `compute_overlay`.
    /// PosterLayout's `eval.py` divides the sum over pairs by the element
    /// count instead of the pair count; RALF's mean stays within 0...1 however
    /// many elements a template has.
    /// Fewer than two elements cannot overlap: 0.
    static func overlap(_ elements: [LayoutElement]) -> Double {
        let boxes = elements.filter { $0.role != .underlay }.map(\.frame)
        guard boxes.count >= 2 else { return 0 }
        var total = 0.0, pairs = 0
        for i in boxes.indices {
            for j in boxes.indices where j > i {
                total += intersectionOverUnion(boxes[i], boxes[j])
                pairs += 1
            }
        }
        return total / Double(pairs)
    }

    /// Non-alignment (lower is better, 0 when every element shares an edge or
    /// centre line with another): the mean over elements of
    /// g(min over the other elements and over the six lines — left, centre
    /// and right in x, top, centre and bottom in y — of the distance between
    /// them), with g(d) = −log₁₀(1 − d) and coordinates divided by the canvas
    /// width or height and clamped to 0...1.
    ///
    /// This is the per-element definition PosterLayout takes from
    /// Attribute-conditioned Layout GAN (Li et al., TVCG 2021), as RALF's
    /// `compute_alignment` implements it. PosterLayout's `eval.py` instead adds
    /// the layout-wide smallest distance once per element; its numbers are
    /// not comparable with these.
    static func alignment(_ elements: [LayoutElement], canvas: Rect) -> Double {
        guard elements.count >= 2 else { return 0 }
        let lines = elements.map { element -> [Double] in
            let f = element.frame
            func nx(_ x: Double) -> Double { min(max((x - canvas.x) / canvas.width, 0), 1) }
            func ny(_ y: Double) -> Double { min(max((y - canvas.y) / canvas.height, 0), 1) }
            let left = nx(f.x), right = nx(f.maxX), top = ny(f.y), bottom = ny(f.maxY)
            return [left, (left + right) / 2, right, top, (top + bottom) / 2, bottom]
        }
        var total = 0.0
        for i in lines.indices {
            var nearest = 1.0
            for j in lines.indices where j != i {
                for k in 0 ..< 6 { nearest = min(nearest, abs(lines[i][k] - lines[j][k])) }
            }
            // RALF maps a distance of exactly 1 (only possible for masked
            // entries there) to 0; here it cannot occur with two real boxes.
            if nearest < 1 { total += -log10(1 - nearest) }
        }
        return total / Double(lines.count)
    }

    static func intersectionOverUnion(_ a: Rect, _ b: Rect) -> Double {
        let shared = a.intersection(b)?.area ?? 0
        let union = a.area + b.area - shared
        return union > 0 ? shared / union : 0
    }
}
