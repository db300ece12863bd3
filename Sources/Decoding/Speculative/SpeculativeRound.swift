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
        // The raw softmax of rows that went through the whole chain, which the traced tokens
        // reuse instead of exponentiating the row again.
        var raws: [Int: Distribution] = [:]
        for row in rows.indices {
            let rowLogits = logits.row(row)
            observe(row, rowLogits)
            if let token = chain.greedyToken(logits: rowLogits) {
                // The chain would keep this one token: probability 1, no softmax.
                targets.append(SpeculativeMath.oneHot(token, count: logits.vocabularySize))
            } else {
                let drafted = row == 0 ? [] : tree.path(to: row - 1).map { tree.nodes[$0].token }
                let result = chain.run(logits: rowLogits, history: text + drafted)
                raws[row] = result.raw
                targets.append(SpeculativeMath.dense(result.final, vocabularySize: logits.vocabularySize))
            }
            observeTarget(row, targets[row])
        }
        let verifier: any DraftVerifier = chain.settings.isGreedy ? GreedyVerifier() : samplingVerifier
        var outcome = verifier.verify(tree, targets: targets, uniforms: &context.random)
        // Nothing follows an end-of-generation token: drafts the target would accept after one
        // are not text, and the screen must not show them as accepted.
        if let end = outcome.acceptedPath.firstIndex(where: { context.vocabulary.isEndOfGeneration(tree.nodes[$0].token) }) {
            let endNode = outcome.acceptedPath[end]
            for node in tree.nodes.indices where node != endNode && tree.path(to: node).contains(endNode) {
                outcome.nodes[node].verdict = .untested
            }
            outcome.acceptedPath = Array(outcome.acceptedPath[...end])
        }
        if knownRoot == nil { try context.model.commit(path: Array(pending.indices) + outcome.acceptedPath.map { $0 + pending.count }) }

        let traced = tracedTokens(outcome, tree: tree, logits: logits, raws: raws, context: context)
        context.append(traced.filter(\.source.isCommitted).map(\.token))
        return StepResult(tokens: traced, payload: .draftTree(DraftTreeTrace(nodes: outcome.nodes, acceptedPath: outcome.acceptedPath, drafter: drafter)))
    }

    /// Text order: the accepted drafts, the siblings rejected where the walk stopped, then the
    /// target's own token. Nothing follows an end-of-generation token. Each token carries its
    /// probability and entropy under the raw distribution of the row that judged it, as every
    /// strategy's tokens do (the verdicts' p stay in the tree).
    private func tracedTokens(_ outcome: VerificationOutcome, tree: DraftTree, logits: Logits, raws: [Int: Distribution],
                              context: DecodingContext) -> [TracedToken] {
        var summaries: [Int: SoftmaxSummary] = [:]
        func raw(_ token: TokenID, afterNode parent: Int?) -> (probability: Double, entropy: Double) {
            let row = parent.map { $0 + 1 } ?? 0
            if let distribution = raws[row] { return (distribution.probability(of: token), distribution.entropy) }
            let summary = summaries[row] ?? SoftmaxSummary(logits: logits.row(row))
            summaries[row] = summary
            return (summary.probability(of: token), summary.entropy)
        }
        var traced: [TracedToken] = []
        for node in outcome.acceptedPath {
            let token = tree.nodes[node].token
            let (probability, entropy) = raw(token, afterNode: tree.nodes[node].parent)
            traced.append(TracedToken(token: token, source: .draftAccepted, probability: probability, entropy: entropy))
            if context.vocabulary.isEndOfGeneration(token) { return traced }
        }
        let last = outcome.acceptedPath.last
        for node in tree.children(of: last) where outcome.nodes[node].verdict == .rejected {
            let token = tree.nodes[node].token
            traced.append(TracedToken(token: token, source: .draftRejected, probability: raw(token, afterNode: last).probability))
        }
        var final = outcome.finalToken
        // Without any draft the round is plain decoding, and the lens should say so.
        if tree.isEmpty { final.source = chain.settings.isGreedy ? .greedy : .sampled }
        (final.probability, final.entropy) = raw(final.token, afterNode: last)
        traced.append(final)
        return traced
    }
}
