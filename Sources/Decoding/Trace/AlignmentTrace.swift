import Inference

/// Grammar-aligned decoding (ASAp) at one step: the expected-future-grammaticality estimates of
/// the persistent trie that reweighted the masked distribution.
public struct AlignmentTrace: Sendable, Codable, Equatable {
    public struct Choice: Sendable, Codable, Equatable {
        public var token: TokenID
        /// P(t | prefix) under the model's full, unmasked softmax.
        public var rawProbability: Double
        /// The trie's estimate ẼFG(prefix · t); 1 for a child never visited.
        public var estimate: Double
        /// q(t | prefix) ∝ rawProbability · estimate over allowed tokens.
        public var adjustedProbability: Double

        public init(token: TokenID, rawProbability: Double, estimate: Double, adjustedProbability: Double) {
            self.token = token
            self.rawProbability = rawProbability
            self.estimate = estimate
            self.adjustedProbability = adjustedProbability
        }
    }

    /// Samples completed before this one with the same prompt and constraint (the trie's age).
    public var iteration: Int
    /// ẼFG of the prefix before this step.
    public var prefixEstimate: Double
    /// The most probable choices under q, the sampled one included.
    public var choices: [Choice]
    public var chosen: TokenID

    public init(iteration: Int, prefixEstimate: Double, choices: [Choice], chosen: TokenID) {
        self.iteration = iteration
        self.prefixEstimate = prefixEstimate
        self.choices = choices
        self.chosen = chosen
    }
}
