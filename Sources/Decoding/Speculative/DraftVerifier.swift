import Inference

/// A rule deciding which drafted tokens the target keeps. Verifiers judge one tree level at a
/// time; the shared walk below goes down the accepted child until a level emits its own token or
/// a leaf is reached, where the target's distribution after the leaf yields the bonus token.
public protocol DraftVerifier: Sendable {
    /// Judges `children` (node indices of `tree`, siblings in drafting order) against the target
    /// distribution `target` at their common parent.
    func judge(children: [Int], of tree: DraftTree, target: [Double], uniforms: inout some UniformSource) -> LevelJudgement

    /// The token taken from the target after the last accepted node when it has no children.
    func bonus(target: [Double], uniforms: inout some UniformSource) -> TracedToken
}

extension DraftVerifier {
    /// Verifies a whole tree. `targets[0]` is the target distribution after the committed text,
    /// `targets[i + 1]` the one after node i (what one tree evaluation of the target yields).
    public func verify(_ tree: DraftTree, targets: [[Double]], uniforms: inout some UniformSource) -> VerificationOutcome {
        precondition(targets.count == tree.nodes.count + 1, "one target distribution per node plus the root")
        // Nodes nobody reaches still show the target's and the draft's probability for them.
        var nodes = tree.nodes.indices.map { i in
            tree.traceNode(i, target: targets[tree.nodes[i].parent.map { $0 + 1 } ?? 0], r: nil, verdict: .untested)
        }
        var path: [Int] = []
        var parent: Int? = nil
        while true {
            let target = targets[parent.map { $0 + 1 } ?? 0]
            let children = tree.children(of: parent)
            guard !children.isEmpty else {
                return VerificationOutcome(nodes: nodes, acceptedPath: path, finalToken: bonus(target: target, uniforms: &uniforms))
            }
            let judgement = judge(children: children, of: tree, target: target, uniforms: &uniforms)
            for (node, verdict) in judgement.verdicts { nodes[node] = verdict }
            switch judgement.outcome {
            case .accepted(let node):
                path.append(node)
                parent = node
            case .emitted(let token):
                return VerificationOutcome(nodes: nodes, acceptedPath: path, finalToken: token)
            }
        }
    }

    /// The default bonus: a sample from the target after the leaf.
    public func bonus(target: [Double], uniforms: inout some UniformSource) -> TracedToken {
        let token = TokenID(uniforms.draw(weights: target).index)
        return TracedToken(token: token, source: .bonus, probability: SpeculativeMath.probability(of: token, in: target))
    }
}
