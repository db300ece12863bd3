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

        public init(tail: [TokenID], logWeight: Double, normalizedWeight: Double, ancestor: Int?, finished: Bool) {
            self.tail = tail
            self.logWeight = logWeight
            self.normalizedWeight = normalizedWeight
            self.ancestor = ancestor
            self.finished = finished
        }
    }

    public var particles: [Particle]
    /// Effective sample size `1 / Σ w²` of the normalised weights.
    public var effectiveSampleSize: Double
    public var resampled: Bool

    public init(particles: [Particle], effectiveSampleSize: Double, resampled: Bool) {
        self.particles = particles
        self.effectiveSampleSize = effectiveSampleSize
        self.resampled = resampled
    }
}
