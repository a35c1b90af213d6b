/// Impressions and clicks of one banner (or one feature combination) shown
/// to one segment, aggregated: the unit the trainer, cross-validation and
/// Thompson allocation all work on.
///
/// Logs are aggregated because a row per impression would be thousands of
/// times larger and say nothing more to a binomial model.
public struct ClickRow: Sendable, Equatable {
    public var segment: String
    /// The banner or variant shown; needed for traffic allocation, not for training.
    public var variant: String?
    public var features: FeatureVector
    public var impressions: Int
    public var clicks: Int
    /// Where the row was read, so checks made after reading can still point at it.
    public var source: Location?

    public init(segment: String, variant: String? = nil, features: FeatureVector, impressions: Int, clicks: Int,
                source: Location? = nil) {
        precondition(impressions >= 0 && clicks >= 0 && clicks <= impressions, "clicks must be within 0...impressions")
        self.segment = segment
        self.variant = variant
        self.features = features
        self.impressions = impressions
        self.clicks = clicks
        self.source = source
    }

    /// The observed click-through rate; 0 for a row without impressions.
    public var clickThroughRate: Double { impressions > 0 ? Double(clicks) / Double(impressions) : 0 }
}
