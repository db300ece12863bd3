import Inference

/// Drafting a chain with a cheaper version of the target itself (an early exit or a set of
/// skipped layers, as `options` says): one token per shallow pass, each drawn from the sampler
/// chain applied to the draft logits (its argmax at temperature 0). Each pass re-evaluates the
/// pending chain because the runtime keeps uncommitted KV entries only until the next
/// evaluation; the chain is short and the passes are cheap.
struct SelfDraftChain {
    let chain: SamplerChain
    /// The draft pass: exit layer and/or skipped layers; its output rows are set per pass.
    let options: EvaluationOptions
    /// Drafting stops after a token whose draft probability is below this (SWIFT's
    /// confidence-aware drafting); 0 never stops early.
    var minimumConfidence = 0.0

    /// Drafts up to `length` tokens after `context.tokens`; the model cache must hold exactly the
    /// first `keep` tokens.
    func draft(context: DecodingContext, keep: Int, length: Int) throws -> DraftTree {
        let pending = Array(context.tokens[keep...])
        var options = options
        options.outputRows = .last
        var tokens: [TokenID] = []
        var proposals: [[Double]] = []
        while tokens.count < length {
            let logits = try context.evaluate(BatchToken.chain(pending + tokens, startingAt: keep), options: options, isDraft: true)
            let distribution = chain.run(logits: logits.row(0), history: context.tokens + tokens).final
            let q = SpeculativeMath.dense(distribution, vocabularySize: logits.vocabularySize)
            let token = chain.settings.isGreedy ? distribution.argmax : TokenID(context.random.draw(weights: q).index)
            tokens.append(token)
            proposals.append(q)
            if context.vocabulary.isEndOfGeneration(token) || q[Int(token)] < minimumConfidence { break }
        }
        return DraftTree.chain(tokens, proposals: proposals)
    }
}
