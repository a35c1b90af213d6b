import Foundation
@testable import BanneretKit

/// A made-up market whose true click-through rates are known: random banner
/// variants, segments with different true logistic weights, and click logs
/// drawn from them. Training on its logs and comparing with the truth is the
/// only way to show the trainer learns what customers prefer rather than
/// merely fitting noise.
struct SyntheticClickWorld {
    struct TrueSegment {
        var id: String
        var weights: [String: Double]
        var bias: Double
    }

    var variants: [FeatureVector]
    var segments: [TrueSegment]

    /// Twelve banner features on their natural scales: contrast as a WCAG
    /// ratio 1–21, three 0/1 flags, the rest fractions.
    static func randomVariant(using random: inout SplitMix64) -> FeatureVector {
        var features = FeatureVector()
        for name in ScoringFeatures.names {
            switch name {
            case "contrast_min": features[name] = Double.random(in: 1 ... 21, using: &random)
            case "discount_shown", "price_led", "cta_uppercase": features[name] = Bool.random(using: &random) ? 1 : 0
            default: features[name] = Double.random(in: 0 ... 1, using: &random)
            }
        }
        return features
    }

    /// Four segments who want different things, each centred near a 2 % CTR
    /// with a spread of roughly 0.5–6 % across banners.
    static let distinctTastes: [TrueSegment] = [
        TrueSegment(id: "f_18_34_kr", weights: ["colorfulness_norm": 1.12, "saturation": 0.7, "warmth": 0.42,
                                                "discount_shown": 0.28, "whitespace": -0.42, "contrast_min": 0.007], bias: 0),
        TrueSegment(id: "m_35_54_us", weights: ["whitespace": 0.91, "contrast_min": 0.042, "price_led": 0.35,
                                                "colorfulness_norm": -0.77, "text_area": -0.35], bias: 0),
        TrueSegment(id: "f_35_54_us", weights: ["product_area": 1.12, "text_area": -1.05, "balance": 0.63,
                                                "cta_uppercase": -0.21], bias: 0),
        TrueSegment(id: "m_18_34_kr", weights: ["brightness": 0.98, "cta_uppercase": 0.35, "warmth": -0.77,
                                                "saturation": -0.56, "discount_shown": 0.21], bias: 0),
    ]

    init(variantCount: Int, segments: [TrueSegment], seed: UInt64) {
        var random = SplitMix64(seed: seed)
        let generated = (0 ..< variantCount).map { _ in Self.randomVariant(using: &random) }
        variants = generated
        // Set each bias so the segment's average banner sits at a 2 % CTR.
        let meanVariant = FeatureVector(Dictionary(uniqueKeysWithValues: ScoringFeatures.names.map { name in
            (name, generated.reduce(0) { $0 + $1[name] } / Double(max(variantCount, 1)))
        }))
        self.segments = segments.map { segment in
            var centred = segment
            centred.bias = Logistic.logit(0.02) - meanVariant.dot(segment.weights)
            return centred
        }
    }

    func trueCTR(segment: TrueSegment, variant: Int) -> Double {
        Logistic.probability(variants[variant].dot(segment.weights) + segment.bias)
    }

    /// One aggregated row per (variant, segment): impressions uniform in
    /// `impressions`, clicks binomial at the true rate.
    func simulate(variants indices: [Int], segments chosen: [TrueSegment]? = nil,
                  impressions: ClosedRange<Int> = 200 ... 2000, seed: UInt64) -> [ClickRow] {
        var random = SplitMix64(seed: seed)
        var rows: [ClickRow] = []
        for segment in chosen ?? segments {
            for index in indices {
                let shown = Int.random(in: impressions, using: &random)
                let clicks = Self.binomial(trials: shown, probability: trueCTR(segment: segment, variant: index),
                                           using: &random)
                rows.append(ClickRow(segment: segment.id, variant: "v\(index)", features: variants[index],
                                     impressions: shown, clicks: clicks))
            }
        }
        return rows
    }

    /// Binomial draws by waiting times: geometric gaps between successes, so
    /// the cost is the number of clicks, not of impressions.
    static func binomial(trials: Int, probability p: Double, using random: inout SplitMix64) -> Int {
        guard p > 0 else { return 0 }
        guard p < 1 else { return trials }
        let logFailure = log1p(-p)
        var successes = 0
        var position = 0
        while true {
            let u = Double.random(in: Double.leastNonzeroMagnitude ..< 1, using: &random)
            position += Int(floor(log(u) / logFailure)) + 1
            if position > trials { return successes }
            successes += 1
        }
    }
}

/// Spearman's rank correlation, ties given their average rank.
func spearman(_ a: [Double], _ b: [Double]) -> Double {
    func ranks(_ values: [Double]) -> [Double] {
        let order = values.indices.sorted { values[$0] < values[$1] }
        var result = [Double](repeating: 0, count: values.count)
        var start = 0
        while start < order.count {
            var end = start
            while end + 1 < order.count, values[order[end + 1]] == values[order[start]] { end += 1 }
            for k in start ... end { result[order[k]] = Double(start + end) / 2 + 1 }
            start = end + 1
        }
        return result
    }
    let ra = ranks(a), rb = ranks(b)
    let n = Double(a.count)
    let meanA = ra.reduce(0, +) / n, meanB = rb.reduce(0, +) / n
    var covariance = 0.0, varianceA = 0.0, varianceB = 0.0
    for (x, y) in zip(ra, rb) {
        covariance += (x - meanA) * (y - meanB)
        varianceA += (x - meanA) * (x - meanA)
        varianceB += (y - meanB) * (y - meanB)
    }
    return covariance / (varianceA * varianceB).squareRoot()
}
