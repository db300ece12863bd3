import Inference

/// Temperature 0: keep the child that equals the target's argmax, else emit the argmax; the
/// bonus is the argmax after the leaf. Token-identical to greedy decoding.
public struct GreedyVerifier: DraftVerifier {
    public init() {}

    public func judge(children: [Int], of tree: DraftTree, target: [Double], uniforms: inout some UniformSource) -> LevelJudgement {
        .matching(SpeculativeMath.argmax(target), children: children, of: tree, target: target, uniform: nil, source: .greedy)
    }

    public func bonus(target: [Double], uniforms: inout some UniformSource) -> TracedToken {
        let best = SpeculativeMath.argmax(target)
        return TracedToken(token: best, source: .bonus, probability: SpeculativeMath.probability(of: best, in: target))
    }
}
