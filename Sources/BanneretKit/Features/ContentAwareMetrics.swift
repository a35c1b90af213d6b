/// PosterLayout's content-aware metrics (Hsu et al., CVPR 2023; `metrics_uti`
/// and `metrics_occ` in its `eval.py`, `compute_saliency_aware_metrics` in
/// RALF): how a layout uses the space the product leaves free, and how much
/// of the product it hides. Both are computed on the ``SamplingGrid`` with the
/// product-based ``SaliencyMap`` S.
enum ContentAwareMetrics {
    /// Utility (higher is better, 0...1): Σ (1 − S)·M / Σ (1 − S), where M
    /// marks cells covered by any valid layout element (underlays included, as
    /// in both codes). 0 when nothing is free of the product, as `eval.py`
    /// scores that case.
    static func utility(saliency: SaliencyMap, elements: [LayoutElement]) -> Double {
        let covered = saliency.grid.mask(covering: elements.map(\.frame))
        var free = 0.0, used = 0.0
        for (cell, value) in saliency.values.enumerated() {
            free += 1 - value
            if covered[cell] { used += 1 - value }
        }
        return free > 0 ? used / free : 0
    }

    /// Occlusion (lower is better, 0...1): mean S over the cells covered by
    /// valid layout elements painted above the product.
    ///
    /// Adaptation: in the papers every element lies on the product picture,
    /// so all of them count. Here the card underlay is painted *below* the
    /// product (it is its backdrop and cannot hide it), so only elements
    /// later in paint order than the product count: text, logo, buttons and
    /// underlays drawn over it (the discount badge). 0 when nothing is above
    /// it, as in both codes.
    static func occlusion(saliency: SaliencyMap, elements: [LayoutElement], productPaintOrder: Int?) -> Double {
        guard let productPaintOrder else { return 0 }
        let above = elements.filter { $0.paintOrder > productPaintOrder }
        let covered = saliency.grid.mask(covering: above.map(\.frame))
        var total = 0.0, cells = 0
        for (cell, value) in saliency.values.enumerated() where covered[cell] {
            total += value
            cells += 1
        }
        return cells > 0 ? total / Double(cells) : 0
    }
}
