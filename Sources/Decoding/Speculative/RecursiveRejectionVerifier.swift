import Inference

/// Speculative sampling generalised to trees (Leviathan/Chen for a chain, SpecInfer for
/// independent siblings, RSD for siblings drawn without replacement, one-hot rejection for
/// deterministic drafts). At a level with target p1 = p, sibling j with proposal qj is kept with
/// probability min(1, pj(cj)/qj(cj)); on rejection p(j+1) = norm(max(0, pj − qj)). When every
/// sibling fails, the emitted token is drawn from the last residual.
public struct RecursiveRejectionVerifier: DraftVerifier {
    public var siblings: SiblingDrawing
    /// How many residual entries each rejected node keeps for display.
    public var residualTopCount: Int

    public init(siblings: SiblingDrawing, residualTopCount: Int = 5) {
        self.siblings = siblings
        self.residualTopCount = residualTopCount
    }

    public func judge(children: [Int], of tree: DraftTree, target: [Double], uniforms: inout some UniformSource) -> LevelJudgement {
        var current = target
        var tried: [TokenID] = []
        var verdicts: [Int: DraftTreeTrace.Node] = [:]
        for child in children {
            let token = tree.nodes[child].token
            let proposal = proposal(for: child, of: tree, tried: tried, vocabularySize: target.count)
            tried.append(token)
            let p = SpeculativeMath.probability(of: token, in: current)
            let q = SpeculativeMath.probability(of: token, in: proposal)
            let trial = uniforms.trial(probability: SpeculativeMath.acceptanceProbability(p: p, q: q))
            // Deterministic drafts show no q: their one-hot q says nothing beyond the token.
            let shownQ: Double? = tree.nodes[child].proposal == nil ? nil : q
            if trial.success {
                verdicts[child] = DraftTreeTrace.Node(token: token, parent: tree.nodes[child].parent, p: p, q: shownQ, r: trial.uniform, verdict: .accepted)
                return LevelJudgement(verdicts: verdicts, outcome: .accepted(node: child))
            }
            current = SpeculativeMath.residual(target: current, proposal: proposal)
            verdicts[child] = DraftTreeTrace.Node(
                token: token, parent: tree.nodes[child].parent, p: p, q: shownQ, r: trial.uniform, verdict: .rejected,
                residualTop: SpeculativeMath.top(residualTopCount, of: current))
        }
        let replacement = TokenID(uniforms.draw(weights: current).index)
        let emitted = TracedToken(token: replacement, source: .resampled, probability: SpeculativeMath.probability(of: replacement, in: current))
        return LevelJudgement(verdicts: verdicts, outcome: .emitted(emitted))
    }

    /// The distribution sibling `child` was actually drawn from, given the siblings before it.
    private func proposal(for child: Int, of tree: DraftTree, tried: [TokenID], vocabularySize: Int) -> [Double] {
        guard let q = tree.proposal(of: child) else {
            return SpeculativeMath.oneHot(tree.nodes[child].token, count: vocabularySize)
        }
        switch siblings {
        case .independent: return q
        case .withoutReplacement: return SpeculativeMath.removing(tried, from: q)
        }
    }
}
