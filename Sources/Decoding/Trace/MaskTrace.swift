import Inference

/// A constrained step: how much of the vocabulary the constraint allowed and, for adaptive
/// rejection samplers, which tokens it had to test one at a time.
public struct MaskTrace: Sendable, Codable, Equatable {
    public struct TestedToken: Sendable, Codable, Equatable {
        public var token: TokenID
        public var probability: Double
        public var allowed: Bool

        public init(token: TokenID, probability: Double, allowed: Bool) {
            self.token = token
            self.probability = probability
            self.allowed = allowed
        }
    }

    /// Tokens the constraint allows, when the full mask was computed.
    public var allowedCount: Int?
    public var vocabularySize: Int
    /// Tokens checked individually, in the order they were tested.
    public var tested: [TestedToken]
    /// Probability mass the constraint removed (before renormalisation).
    public var maskedMass: Double?
    /// The underlying distribution step, when the strategy sampled after masking.
    public var distribution: DistributionTrace?
    /// Log of the importance weight this step contributed (log Z for masking, the AWRS
    /// estimate), for strategies that weight their samples.
    public var stepLogWeight: Double?
    /// Sum of the step log-weights of this run so far.
    public var cumulativeLogWeight: Double?
    /// Grammar-aligned decoding (ASAp): the trie's estimates at this step.
    public var alignment: AlignmentTrace?

    public init(allowedCount: Int?, vocabularySize: Int, tested: [TestedToken], maskedMass: Double?, distribution: DistributionTrace?,
                stepLogWeight: Double? = nil, cumulativeLogWeight: Double? = nil, alignment: AlignmentTrace? = nil) {
        self.allowedCount = allowedCount
        self.vocabularySize = vocabularySize
        self.tested = tested
        self.maskedMass = maskedMass
        self.distribution = distribution
        self.stepLogWeight = stepLogWeight
        self.cumulativeLogWeight = cumulativeLogWeight
        self.alignment = alignment
    }
}
