import Inference

/// What a sampling or greedy step saw: the distribution after each stage of the sampler chain
/// (first the raw softmax of the logits, last the one actually sampled) and the chosen token.
public struct DistributionTrace: Sendable, Codable, Equatable {
    public var stages: [StageView]
    public var chosen: TokenID
    /// Entropy (nats) and varentropy (nats²) of the final, sampled distribution.
    public var entropy: Double
    public var varentropy: Double
    /// The uniform draw in [0, 1) that picked the token; nil for greedy choices.
    public var uniform: Double?

    public init(stages: [StageView], chosen: TokenID, entropy: Double, varentropy: Double, uniform: Double?) {
        self.stages = stages
        self.chosen = chosen
        self.entropy = entropy
        self.varentropy = varentropy
        self.uniform = uniform
    }

    /// The distribution that was sampled from.
    public var final: StageView? { stages.last }
}
