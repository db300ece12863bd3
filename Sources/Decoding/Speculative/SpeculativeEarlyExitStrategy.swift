/// Self-speculation: the model's first layers draft a chain, the full model verifies it in one
/// pass with speculative sampling (greedy matching at temperature 0). Lossless; how much it pays
/// depends on how often the exit layer already agrees with the last one. The draft length
/// adapts PEARL-style by default, which measured about twice as fast as a fixed length here.
public struct SpeculativeEarlyExitStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "speculative-early-exit", family: .speculative, lossless: true,
        description: "self-draft with the first L layers, verify with all layers (accept min(1, p/q), residual on rejection)",
        parameters: DecodingParameters.samplerParameters + [
            draftLength, SpeculativeParameters.exitLayer, SpeculativeParameters.adaptiveDraft,
        ])

    private static let draftLength = SpeculativeParameters.draftLength.defaulting(to: 3)
    public var descriptor: StrategyDescriptor { Self.descriptor }
    private let exitLayer: Int
    private var length: AdaptiveDraftLength
    private let round: SpeculativeRound

    public init(parameters: DecodingParameters) {
        exitLayer = SpeculativeParameters.exitLayer.integer(in: parameters)
        length = .configured(by: parameters, length: Self.draftLength)
        round = SpeculativeRound(chain: SamplerChain(settings: parameters.sampler))
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        let keep = SpeculativeRound.trimCache(context)
        let drafter = EarlyExitDrafter(exitLayer: exitLayer, draftLength: length.current)
        let tree = try drafter.draft(context: context, keep: keep, chain: round.chain, limit: max(0, context.tokenBudget - 1))
        let result = try round.run(tree, keep: keep, drafter: "early exit at layer \(drafter.exitLayer(on: context.model))" + length.labelNote, context: context)
        length.record(result)
        return result
    }
}
