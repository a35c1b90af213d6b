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

    /// Predicted click-through rate per segment.
    public func scores(_ features: FeatureVector) -> [String: Double] {
        switch source {
        case .model(let model):
            Dictionary(uniqueKeysWithValues: model.segmentIDs.map { ($0, model.predict(segment: $0, features: features)) })
        case .priors(let segments):
            Dictionary(uniqueKeysWithValues: segments.map { ($0.id, $0.predictedCTR(features)) })
        }
    }
}
