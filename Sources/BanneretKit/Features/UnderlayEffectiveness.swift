/// Whether the declared underlays (cards, badge discs) actually carry
/// something: the loose and strict underlay effectiveness of PosterLayout
/// (Hsu et al., CVPR 2023) as RALF (Horita et al., "Retrieval-Augmented
/// Layout Transformer for Content-Aware Layout Generation", CVPR 2024)
/// computes them in `__compute_underlay_effectiveness`.
///
/// For each underlay u, over the valid non-underlay elements e (text, logo,
/// other shapes, and — our adaptation — the product picture, which the
/// product card underlay exists to carry): loose = max area(u ∩ e) / area(e), the largest share of one
/// element lying on it; strict = 1 when some element lies entirely on it
/// (share ≥ 1 − 10⁻⁶, RALF's float tolerance), else 0. Both are averaged over
/// the underlays; higher is better, 0...1. An underlay with nothing beside it
/// scores 0. PosterLayout's own strict test (`is_contain` in its `eval.py`)
/// never checks the right edge; RALF's share test is the one used here.
struct UnderlayEffectiveness: Sendable, Hashable {
    var loose: Double
    var strict: Double

    /// Nil when the banner declares no underlay or has fewer than two valid
    /// elements, where RALF reports no value either.
    static func measure(_ elements: [LayoutElement]) -> UnderlayEffectiveness? {
        let underlays = elements.filter { $0.role == .underlay }
        let carried = elements.filter { $0.role != .underlay }
        guard !underlays.isEmpty, elements.count >= 2 else { return nil }
        var loose = 0.0, strict = 0.0
        for underlay in underlays {
            let shares = carried.map { element in
                element.frame.area > 0 ? (underlay.frame.intersection(element.frame)?.area ?? 0) / element.frame.area : 0
            }
            loose += shares.max() ?? 0
            strict += shares.contains { $0 >= 1 - 1e-6 } ? 1 : 0
        }
        let count = Double(underlays.count)
        return UnderlayEffectiveness(loose: loose / count, strict: strict / count)
    }
}
