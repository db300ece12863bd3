import Decoding
import Inference

/// A deliberately broken speculative strategy: the real early-exit drafter proposes a chain and
/// a verifier that accepts everything commits it without asking the target. Its output follows
/// the draft's law, not the target's, which the losslessness check must catch.
struct LosslessnessAcceptEveryDraft: DecodingStrategy {
    static let descriptor = StrategyDescriptor(
        name: "accept-every-draft", family: .speculative, lossless: false,
        description: "broken on purpose: commits every drafted token unverified", parameters: [])

    var descriptor: StrategyDescriptor { Self.descriptor }
    let drafter = EarlyExitDrafter(exitLayer: 1, draftLength: 2)
    let chain: SamplerChain

    mutating func step(_ context: DecodingContext) throws -> StepResult {
        // The drafter wants the cache to hold no more than all but the last token, as a real
        // round leaves it; what it lacks rides along in the draft passes.
        let keep = min(context.model.committedCount, context.tokens.count - 1)
        context.model.truncate(to: keep)
        let tree = try drafter.draft(context: context, keep: keep, chain: chain, limit: context.tokenBudget)
        let tokens = tree.nodes.map(\.token)
        context.append(tokens)
        return StepResult(tokens: tokens.map { TracedToken(token: $0, source: .draftAccepted) },
                          payload: .draftTree(DraftTreeTrace(nodes: [], acceptedPath: [], drafter: "accept every draft")))
    }
}
