import Inference

/// A sequential Monte Carlo step: the particles with their importance weights.
public struct ParticleTrace: Sendable, Codable, Equatable {
    public struct Particle: Sendable, Codable, Equatable {
        /// The particle's most recent tokens.
        public var tail: [TokenID]
        public var logWeight: Double
        /// `exp(logWeight)` normalised over all particles.
        public var normalizedWeight: Double
        /// Index of the particle this one was copied from when resampling happened this step.
        public var ancestor: Int?
        public var finished: Bool
        /// Log-weight this step added (before any resampling reset the weights).
        public var stepLogWeight: Double?
        /// Constraint checks the particle's proposal made this step (full mask: the vocabulary size).
        public var checks: Int?

        public init(tail: [TokenID], logWeight: Double, normalizedWeight: Double, ancestor: Int?, finished: Bool,
                    stepLogWeight: Double? = nil, checks: Int? = nil) {
            self.tail = tail
            self.logWeight = logWeight
            self.normalizedWeight = normalizedWeight
            self.ancestor = ancestor
            self.finished = finished
            self.stepLogWeight = stepLogWeight
            self.checks = checks
        }

        /// A particle whose weight is zero: its proposal found no allowed token.
        public var isDead: Bool { logWeight == -.infinity }
    }

    public var particles: [Particle]
    /// Effective sample size `1 / Σ w²` of the normalised weights.
    public var effectiveSampleSize: Double
    public var resampled: Bool
    /// Resampling happens when ESS falls below this (threshold τ times the particle count).
    public var resampleBelow: Double?
    /// Running estimate of the log normalising constant: log of the mean particle weight.
    public var logNormalizer: Double?

    public init(particles: [Particle], effectiveSampleSize: Double, resampled: Bool, resampleBelow: Double? = nil, logNormalizer: Double? = nil) {
        self.particles = particles
        self.effectiveSampleSize = effectiveSampleSize
        self.resampled = resampled
        self.resampleBelow = resampleBelow
        self.logNormalizer = logNormalizer
    }
}
