/// Prompt-lookup drafts verified by the target in one pass: lossless (greedy verification at
/// temperature 0, one-hot rejection sampling otherwise) and fast whenever the output repeats
/// the context.
public struct SpeculativeLookupStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "speculative-lookup", family: .speculative, lossless: true,
        description: "prompt lookup: copy what followed an earlier occurrence of the last n-gram, verify in one target pass",
        parameters: DecodingParameters.samplerParameters + [SpeculativeParameters.draftLength, SpeculativeParameters.ngramSize])

    public var descriptor: StrategyDescriptor { Self.descriptor }
    private let drafter: PromptLookupDrafter
    private let round: SpeculativeRound

    public init(parameters: DecodingParameters) {
        drafter = PromptLookupDrafter(
            maxNgramSize: SpeculativeParameters.integer(SpeculativeParameters.ngramSize, in: parameters, default: 3),
            draftLength: SpeculativeParameters.integer(SpeculativeParameters.draftLength, in: parameters, default: 3))
        round = SpeculativeRound(chain: SamplerChain(settings: parameters.sampler))
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        let keep = SpeculativeRound.trimCache(context)
        let found = drafter.draft(after: context.tokens)
        // Control tokens copied from a chat template are almost never what the target writes
        // next, and one token always comes from the target itself: drafts stop before the first
        // control token and get the rest of the budget.
        let copyable = (found?.tokens ?? []).prefix { !context.vocabulary.isControl($0) }
        let drafted = Array(copyable.prefix(max(0, context.tokenBudget - 1)))
        let label = found.map { "prompt lookup \($0.ngramSize)-gram at \($0.matchStart)" } ?? "prompt lookup (no match)"
        return try round.run(.chain(drafted), keep: keep, drafter: label, context: context)
    }
}
