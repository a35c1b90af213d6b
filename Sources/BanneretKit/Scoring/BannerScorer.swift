import Foundation

/// Scores a rendered banner for every customer segment: with a trained
/// ``PreferenceModel`` when one is given, else with the segments' priors.
public struct BannerScorer: Sendable {
    private enum Source: Sendable {
        case model(PreferenceModel)
        case priors([Segment])
    }

    private let source: Source

    public init(model: PreferenceModel) { source = .model(model) }
    public init(segments: [Segment]) { source = .priors(segments) }

    /// Changes whenever the scores could: part of the key under which a run remembers finished work.
    var fingerprint: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        var hasher = SHA256Hasher()
        switch source {
        case .model(let model): hasher.update((try? encoder.encode(model)) ?? Data())
        case .priors(let segments):
            for segment in segments {
                hasher.update(segment.id)
                hasher.update("\(segment.bias)")
                for (name, weight) in segment.weights.sorted(by: { $0.key < $1.key }) { hasher.update("\(name)=\(weight)") }
            }
        }
        return hasher.finish()
    }

    /// Segment ids, in a stable order.
    public var segmentIDs: [String] {
        switch source {
        case .model(let model): model.segmentIDs
        case .priors(let segments): segments.map(\.id)
        }
    }

    /// Predicted click-through rate per segment, and for the whole audience under ``total``.
    public func scores(_ features: FeatureVector) -> [String: Double] {
        var scores: [String: Double]
        switch source {
        case .model(let model):
            scores = Dictionary(uniqueKeysWithValues: model.segmentIDs.map { ($0, model.predict(segment: $0, features: features)) })
            // The global model is fitted on every segment's clicks: the audience as a whole.
            scores[Self.total] = model.predict(segment: nil, features: features)
        case .priors(let segments):
            scores = Dictionary(uniqueKeysWithValues: segments.map { ($0.id, $0.predictedCTR(features)) })
            // Without traffic shares, every segment counts the same.
            if !segments.isEmpty { scores[Self.total] = segments.map { $0.predictedCTR(features) }.reduce(0, +) / Double(segments.count) }
        }
        return scores
    }

    /// The key of the whole audience's score beside the segments' (a reserved segment id).
    public static let total = "total"
}
