/// k-fold cross-validation of the ``PreferenceTrainer``: how well a model
/// trained without some rows predicts them, next to the constant guess
/// "every banner gets the overall click-through rate".
///
/// The baseline is there because a raw AUC or log-loss means little alone:
/// the number that matters is how far the model beats knowing nothing
/// about banners. Rows are dealt to folds by a seeded shuffle, so the same
/// seed gives the same report on every machine.
public struct CrossValidation: Sendable {
    public var folds: Int
    public var seed: UInt64

    public init(folds: Int = 5, seed: UInt64 = 1) {
        precondition(folds >= 2, "cross-validation needs at least two folds")
        self.folds = folds
        self.seed = seed
    }

    /// Held-out quality of one predictor.
    public struct Score: Sendable, Hashable, Codable {
        /// The mean of the folds' AUCs; nil when no fold had both clicks and non-clicks.
        public var auc: Double?
        /// Per impression, over every held-out row.
        public var logLoss: Double?

        enum CodingKeys: String, CodingKey {
            case auc
            case logLoss = "log_loss"
        }
    }

    public struct Report: Sendable, Hashable, Codable {
        public var folds: Int
        public var rows: Int
        public var model: Score
        public var baseline: Score
    }

    /// Which fold each row is held out in: a seeded Fisher–Yates shuffle of
    /// the row indices dealt round-robin, so folds differ in size by at most one.
    public func foldAssignment(rowCount: Int) -> [Int] {
        var order = Array(0 ..< rowCount)
        var generator = SplitMix64(seed: seed)
        if rowCount > 1 {
            for i in stride(from: rowCount - 1, to: 0, by: -1) {
                let j = Int(generator.next() % UInt64(i + 1))
                order.swapAt(i, j)
            }
        }
        var fold = [Int](repeating: 0, count: rowCount)
        for (position, row) in order.enumerated() { fold[row] = position % folds }
        return fold
    }

    /// Trains on all folds but one and predicts the one left out, for every
    /// fold. AUC is computed within each fold and averaged, so the baseline's
    /// one constant per fold scores exactly 0.5 instead of being ranked
    /// across folds; log-loss is per impression over all held-out rows.
    /// A fold whose training rows hold no impressions is skipped.
    public func run(_ rows: [ClickRow], trainer: PreferenceTrainer) -> Report {
        let fold = foldAssignment(rowCount: rows.count)
        var heldOutRows: [ClickRow] = []
        var modelPredictions: [Double] = []
        var baselinePredictions: [Double] = []
        var modelAUCs: [Double] = []
        var baselineAUCs: [Double] = []
        for k in 0 ..< folds {
            let training = rows.indices.filter { fold[$0] != k }.map { rows[$0] }
            let heldOut = rows.indices.filter { fold[$0] == k }.map { rows[$0] }
            let impressions = training.reduce(0) { $0 + $1.impressions }
            guard !heldOut.isEmpty, impressions > 0, let model = try? trainer.fit(training) else { continue }
            let rate = Double(training.reduce(0) { $0 + $1.clicks }) / Double(impressions)
            let predicted = heldOut.map { model.predict(segment: $0.segment, features: $0.features) }
            let constant = [Double](repeating: rate, count: heldOut.count)
            if let auc = ClickMetrics.auc(predictions: predicted, rows: heldOut) { modelAUCs.append(auc) }
            if let auc = ClickMetrics.auc(predictions: constant, rows: heldOut) { baselineAUCs.append(auc) }
            heldOutRows += heldOut
            modelPredictions += predicted
            baselinePredictions += constant
        }
        func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
        return Report(folds: folds, rows: rows.count,
                      model: Score(auc: mean(modelAUCs),
                                   logLoss: ClickMetrics.logLoss(predictions: modelPredictions, rows: heldOutRows)),
                      baseline: Score(auc: mean(baselineAUCs),
                                      logLoss: ClickMetrics.logLoss(predictions: baselinePredictions, rows: heldOutRows)))
    }
}
