/// Prompt-lookup drafts verified by the target in one pass: lossless (greedy verification at
/// temperature 0, one-hot rejection sampling otherwise) and fast whenever the output repeats
/// the context. The draft length adapts PEARL-style by default: it measured as fast on the
/// code-edit sample and faster on the JSON one, where long drafts mostly fail.
public struct SpeculativeLookupStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "speculative-lookup", family: .speculative, lossless: true,
        description: "prompt lookup: copy what followed an earlier occurrence of the last n-gram, verify in one target pass",
        parameters: DecodingParameters.samplerParameters + [
            draftLength, SpeculativeParameters.ngramSize, SpeculativeParameters.adaptiveDraft,
        ])

    private static let draftLength = SpeculativeParameters.draftLength.defaulting(to: 3)
    public var descriptor: StrategyDescriptor { Self.descriptor }
    private let drafter: PromptLookupDrafter
    private var length: AdaptiveDraftLength
    private let round: SpeculativeRound

    public init(parameters: DecodingParameters) {
        length = .configured(by: parameters, length: Self.draftLength)
        drafter = PromptLookupDrafter(
            maxNgramSize: SpeculativeParameters.ngramSize.integer(in: parameters),
            draftLength: length.maximum)
        round = SpeculativeRound(chain: SamplerChain(settings: parameters.sampler))
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        let keep = SpeculativeRound.trimCache(context)
        let found = drafter.draft(after: context.tokens)
        // Control tokens copied from a chat template are almost never what the target writes
        // next, and one token always comes from the target itself: drafts stop before the first
        // control token and get the rest of the budget.
        let copyable = (found?.tokens ?? []).prefix { !context.vocabulary.isControl($0) }
        let drafted = Array(copyable.prefix(min(length.current, max(0, context.tokenBudget - 1))))
        let label = found.map { found in
            let match = "prompt lookup \(found.ngramSize)-gram at \(found.matchStart)"
            guard drafted.isEmpty else { return match }
            return match + (copyable.isEmpty ? ": only control tokens follow it" : ": no room left to draft")
        } ?? "prompt lookup (no match)"
        let result = try round.run(.chain(drafted), keep: keep, drafter: label + length.labelNote, context: context)
        length.record(result)
        return result
    }
}
