/// Splits each segment's traffic among banner variants by Thompson sampling:
/// a variant's share is the probability that it is the best one, given the
/// clicks seen so far.
///
/// Each variant's click-through rate has the posterior
/// Beta(1 + clicks, 1 + impressions − clicks); drawing every variant's rate
/// `draws` times and counting how often each draw is the highest estimates
/// that probability. A clearly better variant gets nearly all the traffic,
/// while variants with few impressions keep enough to be found out — the
/// exploration a fixed "show the best so far" rule lacks.
public struct ThompsonAllocation: Sendable {
    /// Impressions and clicks of one variant in one segment.
    public struct Arm: Sendable, Hashable {
        public var segment: String
        public var variant: String
        public var impressions: Int
        public var clicks: Int

        public init(segment: String, variant: String, impressions: Int, clicks: Int) {
            precondition(impressions >= 0 && clicks >= 0 && clicks <= impressions, "clicks must be within 0...impressions")
            self.segment = segment
            self.variant = variant
            self.impressions = impressions
            self.clicks = clicks
        }
    }

    public var draws: Int
    public var seed: UInt64

    public init(draws: Int = 10_000, seed: UInt64 = 1) {
        precondition(draws >= 1, "at least one draw")
        self.draws = draws
        self.seed = seed
    }

    /// Sums the rows of each (segment, variant); rows without a variant
    /// cannot be allocated traffic and are left out.
    public static func arms(from rows: [ClickRow]) -> [Arm] {
        var totals: [String: [String: (impressions: Int, clicks: Int)]] = [:]
        for row in rows {
            guard let variant = row.variant else { continue }
            let previous = totals[row.segment, default: [:]][variant] ?? (0, 0)
            totals[row.segment, default: [:]][variant] = (previous.impressions + row.impressions, previous.clicks + row.clicks)
        }
        return totals.keys.sorted().flatMap { segment in
            totals[segment]!.keys.sorted().map { variant in
                let total = totals[segment]![variant]!
                return Arm(segment: segment, variant: variant, impressions: total.impressions, clicks: total.clicks)
            }
        }
    }

    /// Per segment, each variant's share of traffic; the shares of a segment sum to 1.
    /// Each segment draws from its own stream seeded by ``seed`` and its id,
    /// so results repeat exactly and do not shift when another segment is added.
    public func shares(_ arms: [Arm]) -> [String: [String: Double]] {
        var bySegment: [String: [String: (impressions: Int, clicks: Int)]] = [:]
        for arm in arms {
            let previous = bySegment[arm.segment, default: [:]][arm.variant] ?? (0, 0)
            bySegment[arm.segment, default: [:]][arm.variant] = (previous.impressions + arm.impressions,
                                                                 previous.clicks + arm.clicks)
        }
        var result: [String: [String: Double]] = [:]
        for segment in bySegment.keys.sorted() {
            let variants = bySegment[segment]!.keys.sorted()
            let posteriors = variants.map { variant -> (a: Double, b: Double) in
                let counts = bySegment[segment]![variant]!
                return (1 + Double(counts.clicks), 1 + Double(counts.impressions - counts.clicks))
            }
            var sampler = BetaSampler(seed: SplitMix64.seed(seed, mixedWith: segment))
            var wins = [Int](repeating: 0, count: variants.count)
            for _ in 0 ..< draws {
                var best = 0
                var bestRate = -1.0
                for (index, posterior) in posteriors.enumerated() {
                    let rate = sampler.beta(posterior.a, posterior.b)
                    if rate > bestRate {
                        best = index
                        bestRate = rate
                    }
                }
                wins[best] += 1
            }
            var shares: [String: Double] = [:]
            for (index, variant) in variants.enumerated() { shares[variant] = Double(wins[index]) / Double(draws) }
            result[segment] = shares
        }
        return result
    }
}
