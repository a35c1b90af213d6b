import Foundation

/// Draws from Beta distributions, the posterior of a click-through rate
/// after `clicks` successes in `impressions` trials under a uniform prior.
///
/// Beta(a, b) is X / (X + Y) with X ~ Gamma(a), Y ~ Gamma(b); the Gamma
/// draws use Marsaglia and Tsang's squeeze method (2000), which needs about
/// one normal and one uniform per draw for every shape, so the cost of a
/// draw does not grow with the number of clicks.
struct BetaSampler {
    private var generator: SplitMix64

    init(seed: UInt64) { generator = SplitMix64(seed: seed) }

    mutating func beta(_ a: Double, _ b: Double) -> Double {
        let x = gamma(a)
        let y = gamma(b)
        return x / (x + y)
    }

    /// Gamma(shape, scale 1) for shape > 0.
    mutating func gamma(_ shape: Double) -> Double {
        precondition(shape > 0, "a Gamma shape must be positive")
        if shape < 1 {
            // Gamma(α) = Gamma(α + 1) · U^(1/α) (Marsaglia and Tsang, section 6).
            return gamma(shape + 1) * pow(generator.nextUnitInterval(), 1 / shape)
        }
        let d = shape - 1.0 / 3.0
        let c = 1 / (9 * d).squareRoot()
        while true {
            let x = normal()
            let t = 1 + c * x
            guard t > 0 else { continue }
            let v = t * t * t
            let u = generator.nextUnitInterval()
            if u < 1 - 0.0331 * x * x * x * x { return d * v }
            if log(u) < 0.5 * x * x + d * (1 - v + log(v)) { return d * v }
        }
    }

    /// A standard normal draw (Box–Muller; the second value is dropped to keep no state).
    mutating func normal() -> Double {
        let u1 = generator.nextUnitInterval()
        let u2 = generator.nextUnitInterval()
        return (-2 * log(u1)).squareRoot() * cos(2 * Double.pi * u2)
    }
}
