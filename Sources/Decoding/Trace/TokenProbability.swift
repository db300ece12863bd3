import Inference

/// One entry of a distribution view: a token, its logit (after the stage that produced the view)
/// and its probability.
public struct TokenProbability: Sendable, Codable, Equatable {
    public var token: TokenID
    public var logit: Float
    public var probability: Double

    public init(token: TokenID, logit: Float, probability: Double) {
        self.token = token
        self.logit = logit
        self.probability = probability
    }
}
