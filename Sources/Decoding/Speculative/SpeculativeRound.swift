import Inference

/// The target's half of a speculative step, shared by every drafter: one pass over the committed
/// tokens the cache lacks plus the draft tree, verification, KV kept for the accepted path only,
/// and the emitted tokens appended to the context.
struct SpeculativeRound {
    let chain: SamplerChain
    /// How sampled drafts are judged; temperature 0 always uses greedy matching.
    let samplingVerifier: any DraftVerifier

    /// `siblings` says how sampled siblings were drawn, which decides the proposal each is
    /// judged against by the recursive rule; `samplingVerifier` replaces that rule.
    init(chain: SamplerChain, siblings: SiblingDrawing = .independent, samplingVerifier: (any DraftVerifier)? = nil) {
        self.chain = chain
        self.samplingVerifier = samplingVerifier ?? RecursiveRejectionVerifier(siblings: siblings)
    }

    /// Cuts the cache to what a round may keep: every committed token except at least the last,
    /// whose logits are the root target. Returns the number kept.
    static func trimCache(_ context: DecodingContext) -> Int {
        let keep = min(context.model.committedCount, context.tokens.count - 1)
        context.model.truncate(to: keep)
        return keep
    }

    /// `observe` sees the target's raw logits after the committed text (row 0) and after every
    /// node i (row i + 1), for drafters that learn from the target's predictions;
    /// `observeTarget` sees the same rows after the sampler chain, as the verifier judged them.
    func run(_ tree: DraftTree, keep: Int, drafter: String, context: DecodingContext,
             observe: (_ row: Int, _ logits: ArraySlice<Float>) -> Void = { _, _ in },
             observeTarget: (_ row: Int, _ target: [Double]) -> Void = { _, _ in }) throws -> StepResult {
        let text = context.tokens
        let pending = Array(text[keep...])
        // Near the end of the context a wide tree would not fit; its first nodes still do.
        let tree = tree.prefix(context.model.contextLength - text.count)
        let batch = tree.batch(pending: pending, startingAt: keep)
        let rows = Array((pending.count - 1)..<batch.count)
        // Without drafts, logits the context already holds (the prompt pass's) make the round a
        // plain step with no pass of its own; the cache takes the pending tokens in the next
        // round's batch.
        let knownRoot = tree.isEmpty ? context.knownNextTokenLogits : nil
        let logits = try knownRoot.map { Logits(vocabularySize: $0.count, batchRows: rows, values: $0) }
            ?? context.evaluate(batch, options: EvaluationOptions(outputRows: .rows(rows)))

        // Row 0 is the target after the committed text, row i + 1 the one after node i.
        var targets: [[Double]] = []
        var entropies: [Double] = []
        for row in rows.indices {
            let rowLogits = logits.row(row)
            observe(row, rowLogits)
            if let token = chain.greedyToken(logits: rowLogits) {
                // The chain would keep this one token: probability 1, entropy 0, no softmax.
                targets.append(SpeculativeMath.oneHot(token, count: logits.vocabularySize))
                entropies.append(0)
            } else {
                let drafted = row == 0 ? [] : tree.path(to: row - 1).map { tree.nodes[$0].token }
                let final = chain.run(logits: rowLogits, history: text + drafted).final
                targets.append(SpeculativeMath.dense(final, vocabularySize: logits.vocabularySize))
                entropies.append(final.entropy)
            }
            observeTarget(row, targets[row])
        }
        let verifier: any DraftVerifier = chain.settings.isGreedy ? GreedyVerifier() : samplingVerifier
        var outcome = verifier.verify(tree, targets: targets, uniforms: &context.random)
        // Nothing follows an end-of-generation token: drafts the target would accept after one
        // are not text, and the screen must not show them as accepted.
        if let end = outcome.acceptedPath.firstIndex(where: { context.vocabulary.isEndOfGeneration(tree.nodes[$0].token) }) {
            for node in outcome.acceptedPath[(end + 1)...] { outcome.nodes[node].verdict = .untested }
            outcome.acceptedPath = Array(outcome.acceptedPath[...end])
        }
        if knownRoot == nil { try context.model.commit(path: Array(pending.indices) + outcome.acceptedPath.map { $0 + pending.count }) }

        let traced = tracedTokens(outcome, tree: tree, entropies: entropies, context: context)
        context.append(traced.filter(\.source.isCommitted).map(\.token))
        return StepResult(tokens: traced, payload: .draftTree(DraftTreeTrace(nodes: outcome.nodes, acceptedPath: outcome.acceptedPath, drafter: drafter)))
    }

    /// Text order: the accepted drafts, the siblings rejected where the walk stopped, then the
    /// target's own token. Nothing follows an end-of-generation token.
    private func tracedTokens(_ outcome: VerificationOutcome, tree: DraftTree, entropies: [Double], context: DecodingContext) -> [TracedToken] {
        var traced: [TracedToken] = []
        for node in outcome.acceptedPath {
            let entropy = entropies[tree.nodes[node].parent.map { $0 + 1 } ?? 0]
            traced.append(TracedToken(token: tree.nodes[node].token, source: .draftAccepted, probability: outcome.nodes[node].p, entropy: entropy))
            if context.vocabulary.isEndOfGeneration(tree.nodes[node].token) { return traced }
        }
        let last = outcome.acceptedPath.last
        for node in tree.children(of: last) where outcome.nodes[node].verdict == .rejected {
            traced.append(TracedToken(token: tree.nodes[node].token, source: .draftRejected, probability: outcome.nodes[node].p))
        }
        var final = outcome.finalToken
        // Without any draft the round is plain decoding, and the lens should say so.
        if tree.isEmpty { final.source = chain.settings.isGreedy ? .greedy : .sampled }
        final.entropy = entropies[last.map { $0 + 1 } ?? 0]
        traced.append(final)
        return traced
    }
}
