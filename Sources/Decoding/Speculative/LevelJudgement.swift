import Inference

/// A verifier's decision over the children of one node: the verdict of every child it tested
/// (keyed by node index) and what happens next.
public struct LevelJudgement: Sendable, Equatable {
    public var verdicts: [Int: DraftTreeTrace.Node]
    public var outcome: LevelOutcome

    public init(verdicts: [Int: DraftTreeTrace.Node], outcome: LevelOutcome) {
        self.verdicts = verdicts
        self.outcome = outcome
    }

    /// The target picked `chosen` on its own; the first child equal to it is kept, every other
    /// child is rejected, and without a match `chosen` itself is emitted with `source`.
    public static func matching(_ chosen: TokenID, children: [Int], of tree: DraftTree, target: [Double],
                                uniform: Double?, source: TokenSource) -> LevelJudgement {
        let winner = children.first { tree.nodes[$0].token == chosen }
        var verdicts: [Int: DraftTreeTrace.Node] = [:]
        for child in children {
            verdicts[child] = tree.traceNode(child, target: target, r: uniform, verdict: child == winner ? .accepted : .rejected)
        }
        let outcome: LevelOutcome = winner.map { .accepted(node: $0) }
            ?? .emitted(TracedToken(token: chosen, source: source, probability: SpeculativeMath.probability(of: chosen, in: target)))
        return LevelJudgement(verdicts: verdicts, outcome: outcome)
    }
}
