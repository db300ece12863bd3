import Foundation

/// The chi-square distribution's upper tail, for the p-value of Pearson's goodness-of-fit
/// statistic. P(X ≥ x) with k degrees of freedom is the regularized upper incomplete gamma
/// function Q(k/2, x/2): a power series below a + 1, a continued fraction above (where each
/// converges fast).
public enum ChiSquare {
    public static func survival(_ x: Double, degreesOfFreedom k: Int) -> Double {
        guard k > 0 else { return 1 }
        guard x > 0 else { return 1 }
        let a = Double(k) / 2, z = x / 2
        return z < a + 1 ? 1 - lowerSeries(a, z) : upperFraction(a, z)
    }

    /// e^(−z) z^a / Γ(a), the factor both expansions share, in logs to survive large a.
    private static func prefactor(_ a: Double, _ z: Double) -> Double {
        exp(a * log(z) - z - lgamma(a))
    }

    /// P(a, z) = prefactor · Σ z^n / (a (a+1) … (a+n)).
    private static func lowerSeries(_ a: Double, _ z: Double) -> Double {
        var term = 1 / a, sum = term, n = a
        for _ in 0..<100_000 {
            n += 1
            term *= z / n
            sum += term
            if abs(term) < abs(sum) * 1e-15 { break }
        }
        return min(1, sum * prefactor(a, z))
    }

    /// Q(a, z) = prefactor · 1/(z+1−a− 1·(1−a)/(z+3−a− 2·(2−a)/(z+5−a− …))), evaluated
    /// front to back with Lentz's method.
    private static func upperFraction(_ a: Double, _ z: Double) -> Double {
        let tiny = 1e-300
        var b = z + 1 - a, c = 1 / tiny, d = 1 / b, h = d
        for i in 1..<100_000 {
            let an = -Double(i) * (Double(i) - a)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-15 { break }
        }
        return max(0, min(1, h * prefactor(a, z)))
    }
}
