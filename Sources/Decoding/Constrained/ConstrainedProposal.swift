import Foundation
import Grammar
import Inference

/// One constrained draw from the model's tempered distribution p_T = softmax(logits / T), with
/// its importance weight: by full mask (weight Z = Σ allowed p_T) or by adaptive weighted
/// rejection (the estimator's unbiased estimate of Z). At temperature 0 it takes the most
/// probable allowed token (testing tokens in descending order for AWRS) with weight 1.
/// The sampler chain's truncation stages do not apply: the weights need the whole distribution.
struct ConstrainedProposal {
    enum Method: Equatable {
        case mask
        case rejection(AWRSEstimator)
    }

    struct Outcome {
        /// nil when the constraint allows nothing with mass (the proposal dies).
        var token: TokenID?
        var logWeight: Double
        /// Constraint checks made (the vocabulary size for a full mask).
        var checks: Int
        /// Tokens checked one at a time, with p_T.
        var tested: [MaskTrace.TestedToken]
        /// With a full mask: how many tokens it allowed.
        var allowedCount: Int?
    }

    let method: Method
    let temperature: Double

    /// p_T over the whole vocabulary, token i at index i (greedy: the raw softmax).
    func tempered(_ logits: [Float]) -> Distribution {
        temperature > 0 ? Distribution(logits: logits.map { $0 / Float(temperature) }) : Distribution(logits: logits)
    }

    func propose(logits: [Float], tempered: Distribution, constraint: TokenConstraint, state: RecognizerState,
                 random: inout some UniformSource) -> Outcome {
        switch method {
        case .mask:
            let mask = constraint.mask(after: state)
            var weights = [Double](repeating: 0, count: logits.count)
            for token in weights.indices where mask.contains(token) { weights[token] = tempered.probabilities[token] }
            let mass = weights.reduce(0, +)
            if mass == 0, temperature > 0 {
                return underflowDraw(logits: logits, tempered: tempered, mask: mask, tested: [], checks: logits.count, random: &random)
            }
            let outcome = Outcome(token: nil, logWeight: -.infinity, checks: logits.count, tested: [], allowedCount: mask.allowedCount)
            guard mass > 0 else { return outcome }
            if temperature <= 0 {
                let best = weights.indices.filter { weights[$0] > 0 }.max { logits[$0] < logits[$1] || (logits[$0] == logits[$1] && $0 > $1) }
                return Outcome(token: best.map(TokenID.init), logWeight: 0, checks: logits.count, tested: [], allowedCount: mask.allowedCount)
            }
            let token = TokenID(random.draw(weights: weights).index)
            return Outcome(token: token, logWeight: log(mass), checks: logits.count, tested: [], allowedCount: mask.allowedCount)

        case .rejection(let estimator):
            let isAllowed = { (token: Int) in constraint.allows(TokenID(token), after: state) }
            if temperature <= 0 { return greedyWalk(logits: logits, tempered: tempered, isAllowed: isAllowed) }
            let sampled = AdaptiveRejectionSampler(estimator: estimator).sample(tempered.probabilities, isAllowed: isAllowed, random: &random)
            let tested = sampled.tested.map { MaskTrace.TestedToken(token: TokenID($0.token), probability: tempered.probabilities[$0.token], allowed: $0.allowed) }
            guard let token = sampled.token else {
                // Every token with mass was rejected; allowed ones may still exist below Double's range.
                return underflowDraw(logits: logits, tempered: tempered, mask: constraint.mask(after: state), tested: tested,
                                     checks: sampled.tested.count + logits.count, random: &random)
            }
            return Outcome(token: TokenID(token), logWeight: log(sampled.weight), checks: sampled.tested.count, tested: tested, allowedCount: nil)
        }
    }

    /// A draw when every allowed token's p_T is 0 in Double: at a low temperature an allowed
    /// token 10 logits below the top has p_T = e^-1000. The constrained distribution is still
    /// well defined, so it is computed relative to the best allowed logit a: w_i = e^((l_i - a)/T)
    /// over the allowed tokens, and log Z = log p_T(a) + log Σ w_i, exact in log space. Nil only
    /// when the constraint allows no token at all.
    private func underflowDraw(logits: [Float], tempered: Distribution, mask: TokenMask, tested: [MaskTrace.TestedToken], checks: Int,
                               random: inout some UniformSource) -> Outcome {
        let allowed = logits.indices.filter { mask.contains($0) && logits[$0] > -.infinity }
        guard let best = allowed.map({ logits[$0] }).max() else {
            return Outcome(token: nil, logWeight: -.infinity, checks: checks, tested: tested, allowedCount: mask.allowedCount)
        }
        var weights = [Double](repeating: 0, count: logits.count)
        for token in allowed { weights[token] = exp((Double(logits[token]) - Double(best)) / temperature) }
        let relativeMass = allowed.reduce(0) { $0 + weights[$1] }
        let logP = TemperedLogProbability(logits: logits, tempered: tempered, temperature: temperature)
        let logWeight = logP(best) + log(relativeMass)
        let token = TokenID(random.draw(weights: weights).index)
        return Outcome(token: token, logWeight: logWeight, checks: checks, tested: tested, allowedCount: mask.allowedCount)
    }

    /// The zero-temperature limit of the rejection walk: tokens in descending logit order.
    private func greedyWalk(logits: [Float], tempered: Distribution, isAllowed: (Int) -> Bool) -> Outcome {
        let order = logits.indices.filter { logits[$0] > -.infinity }.sorted { logits[$0] != logits[$1] ? logits[$0] > logits[$1] : $0 < $1 }
        var tested: [MaskTrace.TestedToken] = []
        for token in order {
            let allowed = isAllowed(token)
            tested.append(MaskTrace.TestedToken(token: TokenID(token), probability: tempered.probabilities[token], allowed: allowed))
            if allowed { return Outcome(token: TokenID(token), logWeight: 0, checks: tested.count, tested: tested, allowedCount: nil) }
        }
        return Outcome(token: nil, logWeight: -.infinity, checks: tested.count, tested: tested, allowedCount: nil)
    }
}
