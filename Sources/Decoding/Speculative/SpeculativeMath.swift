import Foundation
import Inference

/// The two formulas every lossless verifier is built from, plus the vector helpers they need.
/// Vectors are dense probabilities indexed by token id.
public enum SpeculativeMath {
    /// `min(1, p/q)`: the chance a token drawn from q is kept. A token its proposal could not
    /// have produced (q = 0) is never accepted.
    public static func acceptanceProbability(p: Double, q: Double) -> Double {
        q > 0 ? min(1, p / q) : 0
    }

    /// `norm(max(0, p − q))`, what the replacement token is drawn from after a rejection. When
    /// p ≤ q everywhere (only possible through rounding, since a rejection needs p < q somewhere
    /// and both sum to one) the target itself is returned.
    public static func residual(target p: [Double], proposal q: [Double]) -> [Double] {
        precondition(p.count == q.count, "target and draft must share the vocabulary")
        var result = [Double](repeating: 0, count: p.count)
        var total = 0.0
        for i in p.indices {
            let excess = p[i] - q[i]
            if excess > 0 {
                result[i] = excess
                total += excess
            }
        }
        guard total > 0 else { return p }
        for i in result.indices { result[i] /= total }
        return result
    }

    /// Probability of a token, 0 for ids outside the vector.
    public static func probability(of token: TokenID, in vector: [Double]) -> Double {
        vector.indices.contains(Int(token)) ? vector[Int(token)] : 0
    }

    /// The most probable token; ties go to the lowest id.
    public static func argmax(_ vector: [Double]) -> TokenID {
        // Eight lanes at a time: verifiers call this on vocabulary-sized vectors every row.
        vector.withUnsafeBufferPointer { v in
            guard let base = v.baseAddress else { return 0 }
            typealias Lanes = SIMD8<Double>
            let whole = v.count - v.count % 8
            var lanes = Lanes(repeating: -.infinity)
            for start in stride(from: 0, to: whole, by: 8) {
                let next = UnsafeRawPointer(base + start).loadUnaligned(as: Lanes.self)
                lanes.replace(with: next, where: next .> lanes)
            }
            let largest = v[whole...].reduce(lanes.max()) { Swift.max($0, $1) }
            return TokenID(truncatingIfNeeded: v.firstIndex(of: largest) ?? 0)
        }
    }

    /// A one-hot vector: the q of a deterministic draft.
    public static func oneHot(_ token: TokenID, count: Int) -> [Double] {
        var vector = [Double](repeating: 0, count: count)
        if vector.indices.contains(Int(token)) { vector[Int(token)] = 1 }
        return vector
    }

    /// `vector` without `tokens`, renormalised: a draft distribution after the siblings already
    /// drawn without replacement. Empty mass leaves the vector all zero.
    public static func removing(_ tokens: some Sequence<TokenID>, from vector: [Double]) -> [Double] {
        var result = vector
        for token in tokens where result.indices.contains(Int(token)) { result[Int(token)] = 0 }
        let total = result.reduce(0, +)
        guard total > 0 else { return result.map { _ in 0 } }
        return result.map { $0 / total }
    }

    /// The `n` most probable entries, most probable first (ties by id), as display entries whose
    /// logit is the log-probability.
    public static func top(_ n: Int, of vector: [Double]) -> [TokenProbability] {
        guard n > 0 else { return [] }
        var best: [Int] = []
        best.reserveCapacity(n + 1)
        for i in vector.indices where vector[i] > 0 {
            if best.count == n, let last = best.last, vector[i] <= vector[last] { continue }
            let at = best.firstIndex { vector[i] > vector[$0] } ?? best.count
            best.insert(i, at: at)
            if best.count > n { best.removeLast() }
        }
        return best.map { TokenProbability(token: TokenID($0), logit: Float(log(vector[$0])), probability: vector[$0]) }
    }

    /// A sampler-chain distribution as a dense vector over the vocabulary.
    public static func dense(_ distribution: Distribution, vocabularySize: Int) -> [Double] {
        var vector = [Double](repeating: 0, count: vocabularySize)
        for (token, probability) in zip(distribution.tokens, distribution.probabilities) where vector.indices.contains(Int(token)) {
            vector[Int(token)] = probability
        }
        return vector
    }
}
