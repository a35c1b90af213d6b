/// Learns a ``PreferenceModel`` from aggregated click rows.
///
/// First one global model over all rows (L2 penalty λ‖w‖², bias free),
/// then one model per segment whose penalty λ‖w_s − w_global‖² pulls it
/// toward the global weights. That is a hierarchical prior: a segment with
/// thousands of clicks follows its own data, one with a handful stays close
/// to what everyone does instead of chasing noise. When segment priors are
/// given, each segment is pulled toward the global model plus the direction
/// its prior leans relative to the average prior, so hand-written beliefs
/// matter exactly while data are thin.
///
/// Features are standardised internally with the training rows' means and
/// standard deviations (so λ treats every feature alike) and the weights are
/// folded back to the features' own units. Training is deterministic: rows
/// are read in order, names and segments sorted, and nothing is random.
public struct PreferenceTrainer: Sendable {
    /// Penalty strength in standardised units. The default, 10, is a prior
    /// that a segment's weight per standard deviation of a feature differs
    /// from the global one by about 0.2 logits (λ = 1 / 2σ²) — enough to
    /// tame a segment with tens of clicks, negligible for one with thousands.
    public var lambda: Double
    /// Hand-written segment priors (``SegmentsLoader``); segments listed here
    /// but absent from the data are still in the model, at their prior lean.
    public var priors: [Segment]

    public init(lambda: Double = 10, priors: [Segment] = []) {
        precondition(lambda.isFinite && lambda >= 0, "lambda must be a finite number ≥ 0")
        self.lambda = lambda
        self.priors = priors
    }

    /// - Throws: `log.invalid` when the rows hold no impressions to learn from.
    public func fit(_ rows: [ClickRow]) throws -> PreferenceModel {
        let totalImpressions = rows.reduce(0) { $0 + $1.impressions }
        guard totalImpressions > 0 else {
            throw BanneretError(.logInvalid, "the log holds no impressions to learn from")
        }
        let totalClicks = rows.reduce(0) { $0 + $1.clicks }
        let design = DesignMatrix(rows: rows)
        let d = design.columnCount

        // The bias is essentially free; a whisper of a penalty toward the
        // smoothed overall rate keeps it finite when a log has no clicks at all.
        let overallLogit = Logistic.logit((Double(totalClicks) + 0.5) / (Double(totalImpressions) + 1))
        var globalCentre = [Double](repeating: 0, count: d + 1)
        globalCentre[d] = overallLogit
        let globalFit = PenalisedLogisticFit(design: design, rows: Array(rows.indices), centre: globalCentre,
                                             lambda: max(lambda, 1e-9), biasLambda: 1e-6)
        let globalParameters = globalFit.solve()

        var rowsBySegment: [String: [Int]] = [:]
        for (index, row) in rows.enumerated() { rowsBySegment[row.segment, default: []].append(index) }
        let leans = priorLeans(design: design)
        let segmentIDs = Set(rowsBySegment.keys).union(leans.keys).sorted()

        var segments: [String: LogisticWeights] = [:]
        var counts: [String: PreferenceModel.TrainingCount] = [:]
        for id in segmentIDs {
            let members = rowsBySegment[id] ?? []
            var centre = globalParameters
            if let lean = leans[id] {
                for j in 0 ... d { centre[j] += lean[j] }
            }
            let fit = PenalisedLogisticFit(design: design, rows: members, centre: centre,
                                           lambda: max(lambda, 1e-9), biasLambda: max(lambda, 1e-9))
            segments[id] = design.rawWeights(fit.solve())
            counts[id] = .init(rows: members.count,
                               impressions: members.reduce(0) { $0 + rows[$1].impressions },
                               clicks: members.reduce(0) { $0 + rows[$1].clicks })
        }
        return PreferenceModel(featureNames: design.featureNames, global: design.rawWeights(globalParameters),
                               segments: segments, trainingCounts: counts, lambda: lambda)
    }

    /// Each prior's difference from the average prior, on the standardised
    /// scale (weights then bias). Only the differences are used: the priors'
    /// absolute level is a guess the global model replaces with data.
    /// Features the data never show have no column and drop out.
    private func priorLeans(design: DesignMatrix) -> [String: [Double]] {
        guard !priors.isEmpty else { return [:] }
        let d = design.columnCount
        let count = Double(priors.count)
        var averageWeights = [Double](repeating: 0, count: d)
        var averageBias = 0.0
        for prior in priors {
            for (j, name) in design.featureNames.enumerated() { averageWeights[j] += (prior.weights[name] ?? 0) / count }
            averageBias += prior.bias / count
        }
        var leans: [String: [Double]] = [:]
        for prior in priors {
            let weights = design.featureNames.enumerated().map { j, name in (prior.weights[name] ?? 0) - averageWeights[j] }
            let standardised = design.standardisedParameters(weights: weights, bias: prior.bias - averageBias)
            leans[prior.id] = standardised
        }
        return leans
    }
}
