/// Ancestral sampling through the sampler chain; one uniform draw per token from the run's RNG.
/// At temperature 0 the chain leaves one token and no draw is made.
public struct SamplingStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "sampling", family: .sampling, lossless: true,
        description: "llama.cpp sampler chain: bias, penalties, top-k, typical, top-p, min-p, temperature",
        parameters: DecodingParameters.samplerParameters)

    public var descriptor: StrategyDescriptor { Self.descriptor }
    private let chain: SamplerChain

    public init(settings: SamplerSettings, viewSize: Int = 10) {
        chain = SamplerChain(settings: settings, viewSize: viewSize)
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        let logits = try context.nextTokenLogits()
        let result = chain.run(logits: logits, history: context.tokens)
        let uniform = chain.settings.isGreedy ? nil : context.random.nextUniform()
        let chosen = uniform.map(result.final.sample(uniform:)) ?? result.final.argmax
        context.append([chosen])
        let trace = DistributionTrace(
            stages: result.stages, chosen: chosen,
            entropy: result.final.entropy, varentropy: result.final.varentropy, uniform: uniform)
        return StepResult(
            tokens: [TracedToken(token: chosen, source: uniform == nil ? .greedy : .sampled, probability: result.raw.probability(of: chosen), entropy: result.stages[0].entropy)],
            payload: .distribution(trace))
    }
}
