import Foundation

/// The logistic link between a linear score and a click-through rate, written
/// so that extreme scores neither overflow nor lose every digit.
enum Logistic {
    /// `1 / (1 + e^-z)`, evaluated on the side where the exponential cannot overflow.
    static func probability(_ z: Double) -> Double {
        if z >= 0 {
            return 1 / (1 + exp(-z))
        }
        let e = exp(z)
        return e / (1 + e)
    }

    /// `log(p / (1 - p))`, with `p` kept off 0 and 1 so the result is finite.
    static func logit(_ p: Double) -> Double {
        let clamped = min(max(p, 1e-12), 1 - 1e-12)
        return log(clamped / (1 - clamped))
    }

    /// `log(1 + e^z)` without overflow: the negative log-likelihood of a
    /// non-click is `softplus(z)`, of a click `softplus(-z)`.
    static func softplus(_ z: Double) -> Double {
        z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))
    }
}
