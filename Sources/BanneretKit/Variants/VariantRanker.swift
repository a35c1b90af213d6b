/// Ranks the variants of one product, template and size for each customer
/// segment and keeps the best `top` of each.
///
/// A disqualified variant (text below the brand's contrast, a logo's clear
/// space crowded, …) is never kept, whatever its predicted score: a model
/// trained on clicks knows nothing about legibility law or brand rules.
struct VariantRanker {
    struct Candidate {
        var id: String
        /// Reasons it may not ship; empty when it may.
        var disqualifications: [String]
        /// Predicted click-through rate per segment id.
        var scores: [String: Double]
    }

    struct Outcome: Equatable {
        /// Ids kept, in the order they came in.
        var kept: [String]
        /// Per segment, the kept ids best first.
        var ranking: [String: [String]]
        /// Ids dropped because no segment ranks them in its top.
        var outranked: [String]
        /// Ids dropped for a hard failure, with the reasons.
        var disqualified: [String: [String]]
    }

    var top: Int

    func rank(_ candidates: [Candidate], segments: [String]) -> Outcome {
        let eligible = candidates.filter(\.disqualifications.isEmpty)
        var ranking: [String: [String]] = [:]
        var keep = Set<String>()
        for segment in segments {
            // Ties keep the incoming order (the standard variant first), so ranking is deterministic.
            let ordered = eligible.enumerated().sorted { a, b in
                let sa = a.element.scores[segment] ?? 0, sb = b.element.scores[segment] ?? 0
                return sa != sb ? sa > sb : a.offset < b.offset
            }.map(\.element.id)
            ranking[segment] = Array(ordered.prefix(top))
            keep.formUnion(ordered.prefix(top))
        }
        if segments.isEmpty { keep.formUnion(eligible.prefix(top).map(\.id)) }
        return Outcome(kept: candidates.map(\.id).filter(keep.contains), ranking: ranking,
                       outranked: eligible.map(\.id).filter { !keep.contains($0) },
                       disqualified: Dictionary(uniqueKeysWithValues: candidates.filter { !$0.disqualifications.isEmpty }
                           .map { ($0.id, $0.disqualifications) }))
    }
}
