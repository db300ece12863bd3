import Foundation

/// log p_T of a token from its raw logit, for p_T = softmax(logits / T) (the raw softmax at
/// T = 0): (l − l_max)/T + log p_T(top). Exact where p_T itself is 0 in Double, as it is for
/// every token far below the top at a low temperature, which the constrained draws need when
/// the constraint allows only such tokens.
struct TemperedLogProbability {
    private let top: Double
    private let logTopProbability: Double
    private let scale: Double

    /// `tempered` is the softmax of `logits / temperature` (of `logits` at temperature 0).
    init(logits: [Float], tempered: Distribution, temperature: Double) {
        top = Double(logits.max() ?? 0)
        logTopProbability = log(tempered.probabilities.max() ?? 1)
        scale = temperature > 0 ? temperature : 1
    }

    func callAsFunction(_ logit: Float) -> Double {
        (Double(logit) - top) / scale + logTopProbability
    }
}
