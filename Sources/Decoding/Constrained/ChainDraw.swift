import Inference

/// One draw through the user's sampler chain from a logit row (raw or masked), as the sampling
/// strategy does it: one uniform from the run's generator, none at temperature 0.
struct ChainDraw {
    let token: TokenID
    let result: SamplerChain.Result
    let uniform: Double?

    init(chain: SamplerChain, logits: [Float], history: [TokenID], random: inout SeededRandom) {
        result = chain.run(logits: logits, history: history)
        uniform = chain.settings.isGreedy ? nil : random.nextUniform()
        token = uniform.map(result.final.sample(uniform:)) ?? result.final.argmax
    }

    /// The trace of this draw. For a masked row, `before` is the unmasked softmax and the
    /// chain's first stage is relabelled as the mask it shows.
    func trace(before raw: Distribution? = nil, maskLabel: String? = nil, viewSize: Int) -> DistributionTrace {
        var stages = result.stages
        if let maskLabel, let first = stages.first {
            stages[0] = StageView(stage: "mask", label: maskLabel, top: first.top, candidateCount: first.candidateCount,
                                  entropy: first.entropy, varentropy: first.varentropy)
        }
        if let raw { stages.insert(raw.view(stage: "raw", label: "raw softmax", topCount: viewSize), at: 0) }
        return DistributionTrace(stages: stages, chosen: token, entropy: result.final.entropy,
                                 varentropy: result.final.varentropy, uniform: uniform)
    }

    /// Greedy when no uniform was drawn (temperature 0), sampled otherwise.
    var source: TokenSource { uniform == nil ? .greedy : .sampled }

    /// The probability the token had in the distribution it was drawn from.
    var probability: Double { result.final.probability(of: token) }
}
