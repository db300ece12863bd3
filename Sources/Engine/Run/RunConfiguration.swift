import Decoding
import Inference

/// Everything that determines a run's tokens: same configuration and model, same tokens.
public struct RunConfiguration: Sendable, Codable, Equatable {
    public var strategy: String
    public var parameters: DecodingParameters
    public var seed: UInt64
    public var prompt: [TokenID]
    public var maxNewTokens: Int

    public init(strategy: String, parameters: DecodingParameters = DecodingParameters(), seed: UInt64, prompt: [TokenID], maxNewTokens: Int) {
        self.strategy = strategy
        self.parameters = parameters
        self.seed = seed
        self.prompt = prompt
        self.maxNewTokens = maxNewTokens
    }
}
