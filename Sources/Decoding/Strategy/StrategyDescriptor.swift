/// What a strategy is, for pickers, `decodelab strategies` and trace headers.
public struct StrategyDescriptor: Sendable, Codable, Equatable {
    public var name: String
    public var family: StrategyFamily
    /// True when the output distribution is exactly the target's (after the sampler chain), or
    /// token-identical to greedy at temperature 0.
    public var lossless: Bool
    public var description: String
    public var parameters: [ParameterDescriptor]

    public init(name: String, family: StrategyFamily, lossless: Bool, description: String, parameters: [ParameterDescriptor]) {
        self.name = name
        self.family = family
        self.lossless = lossless
        self.description = description
        self.parameters = parameters
    }

    /// The parameters other than the sampler chain's: draft length, exit layer, tree shape, ...
    public var ownParameters: [ParameterDescriptor] {
        let samplerNames = Set(DecodingParameters.samplerParameters.map(\.name))
        return parameters.filter { !samplerNames.contains($0.name) }
    }
}
