/// Solves `A x = b` for a small, dense, symmetric positive-definite `A` by
/// Cholesky factorisation (`A = L Lᵀ`).
///
/// The trainer's Newton steps need exactly this for a few dozen unknowns;
/// Cholesky is half the work of elimination, needs no pivoting for such
/// matrices, and fails loudly (nil) when the matrix is not positive
/// definite instead of returning a wild step.
enum CholeskySolver {
    /// - Parameters:
    ///   - matrix: `n × n`, row-major; only the lower triangle is read.
    ///   - rhs: `n` values.
    /// - Returns: the solution, or nil when the matrix is not numerically positive definite.
    static func solve(_ matrix: [Double], _ rhs: [Double]) -> [Double]? {
        let n = rhs.count
        precondition(matrix.count == n * n, "the matrix must be n × n")
        var lower = [Double](repeating: 0, count: n * n)
        for i in 0 ..< n {
            for j in 0 ... i {
                var sum = matrix[i * n + j]
                for k in 0 ..< j {
                    sum -= lower[i * n + k] * lower[j * n + k]
                }
                if i == j {
                    guard sum > 0, sum.isFinite else { return nil }
                    lower[i * n + i] = sum.squareRoot()
                } else {
                    lower[i * n + j] = sum / lower[j * n + j]
                }
            }
        }
        // Forward substitution L y = b, then back substitution Lᵀ x = y.
        var y = rhs
        for i in 0 ..< n {
            var sum = y[i]
            for k in 0 ..< i {
                sum -= lower[i * n + k] * y[k]
            }
            y[i] = sum / lower[i * n + i]
        }
        var x = y
        for i in stride(from: n - 1, through: 0, by: -1) {
            var sum = x[i]
            for k in (i + 1) ..< n {
                sum -= lower[k * n + i] * x[k]
            }
            x[i] = sum / lower[i * n + i]
        }
        return x
    }
}
