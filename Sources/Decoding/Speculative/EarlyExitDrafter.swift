import Inference

/// Self-speculation by early exit (LayerSkip-style): the target's own first `exitLayer` layers,
/// followed by the final norm and the shared head, draft a chain one token at a time. Each draft
/// pass re-evaluates the pending chain because the runtime keeps uncommitted KV entries only
/// until the next evaluation; the chain is short and the passes are shallow.
public struct EarlyExitDrafter: Sendable, Equatable {
    public var exitLayer: Int
    public var draftLength: Int

    public init(exitLayer: Int, draftLength: Int) {
        self.exitLayer = max(1, exitLayer)
        self.draftLength = max(0, draftLength)
    }

    /// The layer actually used on `model`: an exit at or past its last layer would be the
    /// target itself.
    public func exitLayer(on model: any LanguageModel) -> Int {
        max(1, min(exitLayer, model.layerCount - 1))
    }

    /// Drafts up to `min(draftLength, limit)` tokens after `context.tokens`, each drawn from the
    /// sampler chain applied to the exit layer's logits (its argmax at temperature 0). The model
    /// cache must hold exactly the first `keep` tokens; the rest ride along in every draft pass.
    public func draft(context: DecodingContext, keep: Int, chain: SamplerChain, limit: Int) throws -> DraftTree {
        let pending = Array(context.tokens[keep...])
        var tokens: [TokenID] = []
        var proposals: [[Double]] = []
        while tokens.count < min(draftLength, limit) {
            let batch = BatchToken.chain(pending + tokens, startingAt: keep)
            let logits = try context.evaluate(batch, options: EvaluationOptions(outputRows: .last, exitLayer: exitLayer(on: context.model)), isDraft: true)
            let distribution = chain.run(logits: logits.row(0), history: context.tokens + tokens).final
            let q = SpeculativeMath.dense(distribution, vocabularySize: logits.vocabularySize)
            let token = chain.settings.isGreedy ? distribution.argmax : TokenID(context.random.draw(weights: q).index)
            tokens.append(token)
            proposals.append(q)
            if context.vocabulary.isEndOfGeneration(token) { break }
        }
        return DraftTree.chain(tokens, proposals: proposals)
    }
}
