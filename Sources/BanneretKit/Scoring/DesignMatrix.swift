/// Training rows as a dense matrix of standardised features, with the
/// impressions and clicks beside them.
///
/// Standardising (subtract the mean, divide by the standard deviation, both
/// from the training rows) puts every feature on the same scale, so one
/// penalty λ means the same thing for a 0/1 flag and a 0–255 brightness and
/// Newton's method sees a well-conditioned Hessian. Weights learnt on this
/// scale are folded back to the features' own units with ``rawWeights(_:)``.
struct DesignMatrix {
    let featureNames: [String]
    let means: [Double]
    /// The standard deviation of each feature; 0 for a constant feature,
    /// whose standardised column is all zeros and whose weight stays 0.
    let deviations: [Double]
    /// Row-major, `rowCount × featureNames.count`.
    let values: [Double]
    let impressions: [Double]
    let clicks: [Double]

    var rowCount: Int { impressions.count }
    var columnCount: Int { featureNames.count }

    init(rows: [ClickRow]) {
        let names = Set(rows.flatMap { $0.features.values.keys }).sorted()
        let d = names.count
        var raw = [Double](repeating: 0, count: rows.count * d)
        for (r, row) in rows.enumerated() {
            for (j, name) in names.enumerated() {
                raw[r * d + j] = row.features[name]
            }
        }
        var means = [Double](repeating: 0, count: d)
        var deviations = [Double](repeating: 0, count: d)
        if !rows.isEmpty {
            for j in 0 ..< d {
                var sum = 0.0
                for r in 0 ..< rows.count { sum += raw[r * d + j] }
                let mean = sum / Double(rows.count)
                var squares = 0.0
                for r in 0 ..< rows.count {
                    let delta = raw[r * d + j] - mean
                    squares += delta * delta
                }
                means[j] = mean
                let deviation = (squares / Double(rows.count)).squareRoot()
                // A spread this small next to the mean is rounding noise, not a feature.
                deviations[j] = deviation > 1e-12 * max(1, abs(mean)) ? deviation : 0
            }
        }
        for r in 0 ..< rows.count {
            for j in 0 ..< d {
                raw[r * d + j] = deviations[j] > 0 ? (raw[r * d + j] - means[j]) / deviations[j] : 0
            }
        }
        featureNames = names
        self.means = means
        self.deviations = deviations
        values = raw
        impressions = rows.map { Double($0.impressions) }
        clicks = rows.map { Double($0.clicks) }
    }

    /// Standardised parameters (weights then bias) in the features' own units.
    func rawWeights(_ standardised: [Double]) -> LogisticWeights {
        let d = columnCount
        var weights = [Double](repeating: 0, count: d)
        var bias = standardised[d]
        for j in 0 ..< d where deviations[j] > 0 {
            weights[j] = standardised[j] / deviations[j]
            bias -= weights[j] * means[j]
        }
        return LogisticWeights(weights: weights, bias: bias)
    }

    /// Parameters in the features' own units (weights then bias) on the standardised scale.
    func standardisedParameters(weights: [Double], bias: Double) -> [Double] {
        let d = columnCount
        var parameters = [Double](repeating: 0, count: d + 1)
        var shifted = bias
        for j in 0 ..< d {
            parameters[j] = weights[j] * deviations[j]
            shifted += weights[j] * means[j]
        }
        parameters[d] = shifted
        return parameters
    }
}
