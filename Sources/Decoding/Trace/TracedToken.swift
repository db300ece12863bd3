import Inference

/// One token a step produced, with what the lenses need to colour it.
public struct TracedToken: Sendable, Codable, Equatable {
    public var token: TokenID
    public var source: TokenSource
    /// The token's probability under the model's own distribution at its position (the raw
    /// softmax, before any sampler stage), so the probability lens means the same for every strategy.
    public var probability: Double?
    /// Entropy in nats of that raw distribution.
    public var entropy: Double?

    public init(token: TokenID, source: TokenSource, probability: Double? = nil, entropy: Double? = nil) {
        self.token = token
        self.source = source
        self.probability = probability
        self.entropy = entropy
    }
}
