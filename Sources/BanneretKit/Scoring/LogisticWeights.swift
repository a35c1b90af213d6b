/// One logistic-regression model over a fixed list of features: a weight
/// per feature, in the feature's own units, and a bias.
///
/// Weights are stored positionally, aligned with ``PreferenceModel/featureNames``,
/// so a model file stays compact and a length mismatch is easy to refuse.
public struct LogisticWeights: Sendable, Hashable, Codable {
    public var weights: [Double]
    public var bias: Double

    public init(weights: [Double], bias: Double) {
        self.weights = weights
        self.bias = bias
    }

    /// `w·x + b` for features given in the same order as the weights.
    func logit(_ features: [Double]) -> Double {
        var sum = bias
        for index in weights.indices {
            sum += weights[index] * features[index]
        }
        return sum
    }
}
