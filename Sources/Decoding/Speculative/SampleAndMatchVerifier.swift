import Inference

/// llama.cpp's verifier for deterministic drafts: sample y from the target as if there were no
/// draft; if a child is y keep it, otherwise emit y. The output is p by construction, whatever
/// the drafts were; the draft's q is never consulted.
public struct SampleAndMatchVerifier: DraftVerifier {
    public init() {}

    public func judge(children: [Int], of tree: DraftTree, target: [Double], uniforms: inout some UniformSource) -> LevelJudgement {
        let draw = uniforms.draw(weights: target)
        return .matching(TokenID(draw.index), children: children, of: tree, target: target, uniform: draw.uniform, source: .sampled)
    }
}
