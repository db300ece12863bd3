import Inference

/// Token trees whose siblings were drawn independently from their parent's q, verified by
/// SpecTr's K-SEQ rule (`KSequenceRule`): each sibling is tried in drafting order against the
/// same scaled ratio p/(ρ* q) rather than against a residual that shrinks after every rejection,
/// and the target's own token comes from one residual when all fail. Deterministic drafts have
/// no q to scale, and siblings from different q's are not K-SEQ's case: both keep SpecInfer's
/// recursive rule, which is exact for them.
public struct KSequenceVerifier: DraftVerifier {
    /// How many residual entries each rejected node keeps for display.
    public var residualTopCount: Int

    public init(residualTopCount: Int = 5) {
        self.residualTopCount = residualTopCount
    }

    public func judge(children: [Int], of tree: DraftTree, target: [Double], uniforms: inout some UniformSource) -> LevelJudgement {
        let proposal = tree.nodes[children[0]].proposal
        guard let shared = proposal, children.allSatisfy({ tree.nodes[$0].proposal == shared }) else {
            return RecursiveRejectionVerifier(siblings: .independent, residualTopCount: residualTopCount)
                .judge(children: children, of: tree, target: target, uniforms: &uniforms)
        }
        let q = tree.proposals[shared]
        let rule = KSequenceRule(target: target, proposal: q, draws: children.count)
        let residual = rule.residual(target: target, proposal: q)
        let residualTop = SpeculativeMath.top(residualTopCount, of: residual)
        var verdicts: [Int: DraftTreeTrace.Node] = [:]
        for child in children {
            let token = tree.nodes[child].token
            let p = SpeculativeMath.probability(of: token, in: target)
            let qToken = SpeculativeMath.probability(of: token, in: q)
            let trial = uniforms.trial(probability: rule.keepProbability(p: p, q: qToken))
            let parent = tree.nodes[child].parent
            if trial.success {
                verdicts[child] = DraftTreeTrace.Node(token: token, parent: parent, p: p, q: qToken, r: trial.uniform, verdict: .accepted)
                return LevelJudgement(verdicts: verdicts, outcome: .accepted(node: child))
            }
            verdicts[child] = DraftTreeTrace.Node(
                token: token, parent: parent, p: p, q: qToken, r: trial.uniform, verdict: .rejected, residualTop: residualTop)
        }
        let replacement = TokenID(uniforms.draw(weights: residual).index)
        let emitted = TracedToken(token: replacement, source: .resampled, probability: SpeculativeMath.probability(of: replacement, in: residual))
        return LevelJudgement(verdicts: verdicts, outcome: .emitted(emitted))
    }
}
