/// A group of customers who answer to banners alike (women 18–34 in Korea),
/// with a hand-written prior over what they respond to.
///
/// The weights are beliefs written before any click was logged, not learned
/// values: they let a new segment be scored on day one, and they tell the
/// trainer in which direction a segment is expected to differ from everyone
/// else while its own data are still thin.
public struct Segment: Sendable, Hashable {
    public var id: String
    public var description: String
    /// Who the segment is: `gender`, `age` (a band such as `18-34`), `region`.
    public var attributes: [String: String]
    /// Logit change per unit of each named feature.
    public var weights: [String: Double]
    /// The logit of the click-through rate for a banner whose features are all 0.
    public var bias: Double

    public init(id: String, description: String = "", attributes: [String: String] = [:],
                weights: [String: Double] = [:], bias: Double) {
        self.id = id
        self.description = description
        self.attributes = attributes
        self.weights = weights
        self.bias = bias
    }

    /// The prior's click-through rate, `logistic(w·x + b)`; features the
    /// banner lacks count as 0.
    public func predictedCTR(_ features: FeatureVector) -> Double {
        Logistic.probability(features.dot(weights) + bias)
    }
}
