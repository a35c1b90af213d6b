/// Binomial logistic regression with a ridge penalty toward a given centre,
/// solved by Newton's method (iteratively reweighted least squares).
///
/// Minimises, over standardised weights `w` and bias `b` (θ = [w, b]):
///
///     Σᵣ [nᵣ·log(1 + e^zᵣ) − cᵣ·zᵣ]  +  λ·‖w − w₀‖²  +  λ_b·(b − b₀)²,   zᵣ = w·xᵣ + b
///
/// which is the negative log-likelihood of `cᵣ` clicks in `nᵣ` impressions
/// plus a Gaussian prior centred on θ₀. The objective is strictly convex
/// when λ > 0, so Newton's method with step halving converges to the one
/// minimum, in the same number of steps on every run: nothing here is random.
struct PenalisedLogisticFit {
    let design: DesignMatrix
    /// Which rows of the design take part.
    let rows: [Int]
    /// θ₀: weights then bias, on the standardised scale.
    let centre: [Double]
    let lambda: Double
    let biasLambda: Double
    var maximumIterations = 100

    /// The minimising θ, starting from `start` (the centre when nil).
    func solve(start: [Double]? = nil) -> [Double] {
        // With no data the penalty alone is minimised, at the centre.
        if rows.isEmpty, lambda > 0, biasLambda > 0 { return centre }
        var theta = start ?? centre
        var current = objective(theta)
        for _ in 0 ..< maximumIterations {
            let (gradient, hessian) = derivatives(theta)
            guard let step = newtonStep(hessian: hessian, gradient: gradient) else { break }
            // Halve the step until the objective falls: a full Newton step can
            // overshoot where the logistic curve is flat.
            var scale = 1.0
            var accepted = false
            for _ in 0 ..< 40 {
                let candidate = zip(theta, step).map { $0 - scale * $1 }
                let value = objective(candidate)
                if value <= current {
                    let decrease = current - value
                    theta = candidate
                    current = value
                    accepted = true
                    let largest = step.map { abs($0) * scale }.max() ?? 0
                    if largest < 1e-9 || decrease <= 1e-13 * (1 + abs(value)) { return theta }
                    break
                }
                scale /= 2
            }
            if !accepted { break }
        }
        return theta
    }

    /// The penalised negative log-likelihood at θ.
    func objective(_ theta: [Double]) -> Double {
        let d = design.columnCount
        var total = 0.0
        design.values.withUnsafeBufferPointer { x in
            design.impressions.withUnsafeBufferPointer { n in
                design.clicks.withUnsafeBufferPointer { c in
                    theta.withUnsafeBufferPointer { t in
                        for r in rows {
                            var z = t[d]
                            let base = r * d
                            for j in 0 ..< d { z += t[j] * x[base + j] }
                            total += n[r] * Logistic.softplus(z) - c[r] * z
                        }
                    }
                }
            }
        }
        for j in 0 ..< d {
            let delta = theta[j] - centre[j]
            total += lambda * delta * delta
        }
        let biasDelta = theta[d] - centre[d]
        return total + biasLambda * biasDelta * biasDelta
    }

    /// Gradient and Hessian (row-major, `(d+1)²`) of the objective at θ.
    func derivatives(_ theta: [Double]) -> (gradient: [Double], hessian: [Double]) {
        let d = design.columnCount
        let size = d + 1
        var gradient = [Double](repeating: 0, count: size)
        var hessian = [Double](repeating: 0, count: size * size)
        var augmented = [Double](repeating: 1, count: size)
        design.values.withUnsafeBufferPointer { x in
            design.impressions.withUnsafeBufferPointer { n in
                design.clicks.withUnsafeBufferPointer { c in
                    theta.withUnsafeBufferPointer { t in
                        gradient.withUnsafeMutableBufferPointer { g in
                            hessian.withUnsafeMutableBufferPointer { h in
                                augmented.withUnsafeMutableBufferPointer { a in
                                    for r in rows {
                                        let base = r * d
                                        var z = t[d]
                                        for j in 0 ..< d {
                                            a[j] = x[base + j]
                                            z += t[j] * a[j]
                                        }
                                        let p = Logistic.probability(z)
                                        let residual = n[r] * p - c[r]
                                        let weight = n[r] * p * (1 - p)
                                        for j in 0 ..< size {
                                            g[j] += residual * a[j]
                                            let weighted = weight * a[j]
                                            // Lower triangle only; mirrored below.
                                            for k in 0 ... j { h[j * size + k] += weighted * a[k] }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for j in 0 ..< size {
            let penalty = j == d ? biasLambda : lambda
            gradient[j] += 2 * penalty * (theta[j] - centre[j])
            hessian[j * size + j] += 2 * penalty
            for k in 0 ..< j { hessian[k * size + j] = hessian[j * size + k] }
        }
        return (gradient, hessian)
    }

    /// `H⁻¹ g`; when rounding has made H lose definiteness, retries with a
    /// growing ridge on the diagonal, which shortens the step toward gradient descent.
    private func newtonStep(hessian: [Double], gradient: [Double]) -> [Double]? {
        if let step = CholeskySolver.solve(hessian, gradient) { return step }
        let size = gradient.count
        let largest = (0 ..< size).map { hessian[$0 * size + $0] }.max() ?? 1
        var ridge = max(largest, 1) * 1e-10
        while ridge < 1e12 {
            var damped = hessian
            for j in 0 ..< size { damped[j * size + j] += ridge }
            if let step = CholeskySolver.solve(damped, gradient) { return step }
            ridge *= 100
        }
        return nil
    }
}
