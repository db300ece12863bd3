import Inference

/// The live beams after a beam-search step.
public struct BeamTrace: Sendable, Codable, Equatable {
    public struct Beam: Sendable, Codable, Equatable {
        /// Generated tokens of this beam after the committed text.
        public var tokens: [TokenID]
        /// Sum of the log-probabilities of all generated tokens (including committed ones).
        public var logProbability: Double
        /// The ranking score: `logProbability / length^lengthPenalty`.
        public var score: Double
        /// The beam ended with an end-of-generation token.
        public var finished: Bool

        public init(tokens: [TokenID], logProbability: Double, score: Double, finished: Bool) {
            self.tokens = tokens
            self.logProbability = logProbability
            self.score = score
            self.finished = finished
        }
    }

    /// Best first.
    public var beams: [Beam]
    /// Candidate extensions scored this step (beams × top continuations).
    public var candidatesScored: Int

    public init(beams: [Beam], candidatesScored: Int) {
        self.beams = beams
        self.candidatesScored = candidatesScored
    }
}
