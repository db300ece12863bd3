import Foundation
import Inference

/// How far observed outcome counts are from an exact law, by the two tests of the reference's
/// Monte Carlo recipe (speculative.md, Part 2.2): total variation against its distribution-free
/// bound, and Pearson's chi-square with sparse cells pooled.
public struct GoodnessOfFit: Sendable, Equatable {
    public var samples: Int
    /// Outcomes the law gives non-zero probability.
    public var cells: Int
    /// Samples of outcomes the law says are impossible (any is a failure).
    public var impossible: Int
    /// ½ Σ |p̂ − p| over all outcomes.
    public var totalVariation: Double
    /// With probability ≥ 1 − δ a correct sampler stays below ½(√(cells/N) + √(2 ln(1/δ)/N)).
    public var totalVariationThreshold: Double
    public var chiSquare: Double
    public var degreesOfFreedom: Int
    /// P(χ² ≥ observed) for a correct sampler.
    public var pValue: Double
    /// The false-failure rate each test is allowed: δ for TV, α for chi-square.
    public var alpha: Double

    /// Cells expected to hold fewer samples than this are pooled for the chi-square test.
    public static let minimumExpectedCount = 5.0

    public init(counts: [[TokenID]: Int], law: [[TokenID]: Double], alpha: Double) {
        let samples = counts.values.reduce(0, +)
        let n = Double(max(samples, 1))
        self.samples = samples
        self.alpha = alpha
        cells = law.count
        impossible = counts.filter { law[$0.key] == nil }.values.reduce(0, +)
        let missed = Double(impossible) / n
        totalVariation = (law.map { abs(Double(counts[$0.key] ?? 0) / n - $0.value) }.reduce(0, +) + missed) / 2
        totalVariationThreshold = 0.5 * ((Double(cells) / n).squareRoot() + (2 * log(1 / alpha) / n).squareRoot())

        // Sparse cells go into one pooled cell, smallest first, until it is no longer sparse.
        var pooled = (expected: 0.0, observed: 0)
        var statistic = 0.0
        var bins = 0
        for (outcome, p) in law.sorted(by: { $0.value < $1.value }) {
            let expected = p * n, observed = counts[outcome] ?? 0
            if expected < Self.minimumExpectedCount || pooled.expected > 0 && pooled.expected < Self.minimumExpectedCount {
                pooled.expected += expected
                pooled.observed += observed
            } else {
                statistic += Self.pearson(observed: observed, expected: expected)
                bins += 1
            }
        }
        if pooled.expected > 0 {
            statistic += Self.pearson(observed: pooled.observed, expected: pooled.expected)
            bins += 1
        }
        chiSquare = statistic
        degreesOfFreedom = max(0, bins - 1)
        pValue = ChiSquare.survival(statistic, degreesOfFreedom: degreesOfFreedom)
    }

    public var passed: Bool {
        impossible == 0 && totalVariation <= totalVariationThreshold && pValue >= alpha
    }

    private static func pearson(observed: Int, expected: Double) -> Double {
        let difference = Double(observed) - expected
        return difference * difference / expected
    }
}
