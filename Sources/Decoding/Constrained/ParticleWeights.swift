import Foundation

/// A particle population's importance weights, from log-weights: normalised, their effective
/// sample size, and the log of their mean (the running estimate of the normalising constant).
struct ParticleWeights {
    let normalized: [Double]
    /// log(mean W); −∞ when every weight is zero.
    let logMean: Double
    /// 1 / Σ w̄²; 0 when every weight is zero.
    let effectiveSampleSize: Double

    init(logWeights: [Double]) {
        let top = logWeights.max() ?? -.infinity
        guard top > -.infinity else {
            normalized = logWeights.map { _ in 0 }
            logMean = -.infinity
            effectiveSampleSize = 0
            return
        }
        let scaled = logWeights.map { exp($0 - top) }
        let sum = scaled.reduce(0, +)
        normalized = scaled.map { $0 / sum }
        logMean = top + log(sum / Double(logWeights.count))
        effectiveSampleSize = 1 / normalized.reduce(0) { $0 + $1 * $1 }
    }
}
