import Foundation

/// What customers click, learned from logs: one logistic model for everyone
/// and one per segment, over named banner features.
///
/// A segment's model was shrunk toward the global one while training, so a
/// segment seen rarely predicts nearly what everyone does, and a customer in
/// no known segment is scored by the global model.
public struct PreferenceModel: Sendable, Hashable, Codable {
    /// The file format's version; a newer file is refused rather than misread.
    public static let currentVersion = 1

    public var version: Int
    /// The features the weights belong to, in weight order.
    public var featureNames: [String]
    public var global: LogisticWeights
    public var segments: [String: LogisticWeights]
    /// How much data each segment's model saw; 0 rows means prior and global model only.
    public var trainingCounts: [String: TrainingCount]
    /// The shrinkage strength the model was trained with, kept for reproducing it.
    public var lambda: Double

    /// Rows, impressions and clicks one segment contributed to training.
    public struct TrainingCount: Sendable, Hashable, Codable {
        public var rows: Int
        public var impressions: Int
        public var clicks: Int

        public init(rows: Int, impressions: Int, clicks: Int) {
            self.rows = rows
            self.impressions = impressions
            self.clicks = clicks
        }
    }

    public init(featureNames: [String], global: LogisticWeights, segments: [String: LogisticWeights],
                trainingCounts: [String: TrainingCount], lambda: Double) {
        self.version = Self.currentVersion
        self.featureNames = featureNames
        self.global = global
        self.segments = segments
        self.trainingCounts = trainingCounts
        self.lambda = lambda
    }

    /// The segment ids the model has its own weights for, sorted.
    public var segmentIDs: [String] { segments.keys.sorted() }

    /// " (did you mean 'x'?)" when an id the model lacks looks like a typo of
    /// one it has, so a caller scoring a misspelt segment learns why it got
    /// the global model; "" otherwise.
    public func segmentHint(for id: String) -> String {
        DidYouMean.hint(for: id, in: segmentIDs)
    }

    /// The predicted click-through rate of a banner for a segment; an unknown
    /// or absent segment gets the global model. Features the model was not
    /// trained on are ignored; features it was trained on but the banner
    /// lacks count as 0.
    public func predict(segment: String?, features: FeatureVector) -> Double {
        let model = segment.flatMap { segments[$0] } ?? global
        return Logistic.probability(model.logit(featureNames.map { features[$0] }))
    }

    /// Refuses a model whose parts do not fit together, so a hand-edited or
    /// truncated file fails when loaded rather than scoring nonsense.
    public func validate(file: String) throws {
        func invalid(_ message: String, field: String) -> BanneretError {
            BanneretError(.modelInvalid, message, at: Location(file: file, field: field))
        }
        guard version == Self.currentVersion else {
            throw invalid("model version \(version) is not supported; this banneret reads version \(Self.currentVersion)",
                          field: "version")
        }
        guard Set(featureNames).count == featureNames.count else {
            throw invalid("feature names must be unique", field: "feature_names")
        }
        for (name, weights) in [("global", global)] + segments.sorted(by: { $0.key < $1.key }).map({ ("segments.\($0.key)", $0.value) }) {
            guard weights.weights.count == featureNames.count else {
                throw invalid("\(weights.weights.count) weights for \(featureNames.count) features", field: name)
            }
            guard weights.bias.isFinite, weights.weights.allSatisfy(\.isFinite) else {
                throw invalid("weights must be finite numbers", field: name)
            }
        }
        guard lambda.isFinite, lambda >= 0 else { throw invalid("lambda must be a finite number ≥ 0", field: "lambda") }
    }

    enum CodingKeys: String, CodingKey {
        case version
        case featureNames = "feature_names"
        case global, segments
        case trainingCounts = "training_counts"
        case lambda
    }
}
