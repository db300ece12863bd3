/// Self-speculation: the model's first layers draft a chain, the full model verifies it in one
/// pass with speculative sampling (greedy matching at temperature 0). Lossless; how much it pays
/// depends on how often the exit layer already agrees with the last one.
public struct SpeculativeEarlyExitStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "speculative-early-exit", family: .speculative, lossless: true,
        description: "self-draft with the first L layers, verify with all layers (accept min(1, p/q), residual on rejection)",
        parameters: DecodingParameters.samplerParameters + [SpeculativeParameters.draftLength, SpeculativeParameters.exitLayer])

    public var descriptor: StrategyDescriptor { Self.descriptor }
    private let drafter: EarlyExitDrafter
    private let round: SpeculativeRound

    public init(parameters: DecodingParameters) {
        drafter = EarlyExitDrafter(
            exitLayer: SpeculativeParameters.integer(SpeculativeParameters.exitLayer, in: parameters, default: 24),
            draftLength: SpeculativeParameters.integer(SpeculativeParameters.draftLength, in: parameters, default: 3))
        round = SpeculativeRound(chain: SamplerChain(settings: parameters.sampler))
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        let keep = SpeculativeRound.trimCache(context)
        let tree = try drafter.draft(context: context, keep: keep, chain: round.chain, limit: max(0, context.tokenBudget - 1))
        return try round.run(tree, keep: keep, drafter: "early exit at layer \(drafter.exitLayer(on: context.model))", context: context)
    }
}
