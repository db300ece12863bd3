import Foundation
import Inference

/// A probability distribution over candidate tokens, kept as the sampler chain sees it: the
/// surviving candidates with their (possibly rescaled) logits and the softmax of those logits.
/// Order matters: sampling walks the candidates in the order held here, which is token order
/// until a stage sorts them (then most probable first), exactly like llama.cpp's candidate array.
public struct Distribution: Sendable, Equatable {
    public private(set) var tokens: [TokenID]
    public private(set) var logits: [Float]
    /// Softmax of `logits`, in Double so entropies and cumulative sums stay exact enough.
    public private(set) var probabilities: [Double]
    /// True when candidates are ordered by descending logit.
    public private(set) var isSorted: Bool
    /// Entropy `-Σ p ln p` in nats.
    public private(set) var entropy = 0.0
    /// Variance of the surprisal `-ln p`: `Σ p (ln p + H)²`, in nats².
    public private(set) var varentropy = 0.0
    /// Number of candidates with non-zero probability.
    public private(set) var support = 0

    /// The softmax of a full logit row; token i is candidate i.
    public init<Row: Collection<Float>>(logits row: Row) {
        let identity = [TokenID](unsafeUninitializedCapacity: row.count) { buffer, initialized in
            for i in 0..<row.count { buffer[i] = TokenID(truncatingIfNeeded: i) }
            initialized = row.count
        }
        self.init(tokens: identity, logits: Array(row), isSorted: false)
    }

    public init(tokens: [TokenID], logits: [Float], isSorted: Bool) {
        precondition(tokens.count == logits.count && !tokens.isEmpty, "a distribution needs at least one candidate")
        self.tokens = tokens
        self.logits = logits
        self.isSorted = isSorted
        self.probabilities = []
        normalize()
    }

    public var count: Int { tokens.count }

    /// Recomputes probabilities and their summary from logits, max-shifted so large logits
    /// cannot overflow.
    mutating func normalize() {
        let softmax = Softmax(logits: logits)
        probabilities = softmax.probabilities
        entropy = softmax.entropy
        varentropy = softmax.varentropy
        support = softmax.support
    }

    /// Replaces the logits (same candidates, same order) and renormalises; `preservesOrder`
    /// says the change was monotonic, so a sorted distribution stays sorted.
    mutating func setLogits(_ newLogits: [Float], preservesOrder: Bool = false) {
        precondition(newLogits.count == tokens.count)
        logits = newLogits
        isSorted = isSorted && preservesOrder
        normalize()
    }

    /// Keeps only the candidates at `indices`, in that order, and renormalises.
    mutating func keep(_ indices: some Collection<Int>, sorted: Bool) {
        tokens = indices.map { tokens[$0] }
        logits = indices.map { logits[$0] }
        isSorted = sorted
        normalize()
    }

    /// Orders candidates by descending logit; ties keep token order so the result is stable.
    mutating func sortDescending() {
        guard !isSorted else { return }
        let order = tokens.indices.sorted { a, b in
            logits[a] != logits[b] ? logits[a] > logits[b] : tokens[a] < tokens[b]
        }
        tokens = order.map { tokens[$0] }
        logits = order.map { logits[$0] }
        probabilities = order.map { probabilities[$0] }
        isSorted = true
    }

    /// Probability of a token, 0 if it is not a candidate.
    public func probability(of token: TokenID) -> Double {
        index(of: token).map { probabilities[$0] } ?? 0
    }

    /// Where a token sits among the candidates, nil if it is not one.
    func index(of token: TokenID) -> Int? {
        // Untruncated distributions hold token i at index i.
        if let i = Int(exactly: token), tokens.indices.contains(i), tokens[i] == token { return i }
        return tokens.firstIndex(of: token)
    }

    /// The most probable candidate; ties go to the lowest token id.
    public var argmax: TokenID {
        logits.withUnsafeBufferPointer { row in
            let maxLogit = RowScan.maximum(row)
            var best: TokenID?
            RowScan.indices(of: row, atLeast: { maxLogit }) { i in
                if best.map({ tokens[i] < $0 }) ?? true { best = tokens[i] }
            }
            // Only a row of NaNs has no index reaching its maximum.
            return best ?? tokens[0]
        }
    }

    /// `Distribution(logits: row).argmax` without the softmax: the first index of the largest
    /// logit (token 0 for a row of NaNs, as there).
    static func argmax(ofLogits row: ArraySlice<Float>) -> TokenID {
        TokenID(truncatingIfNeeded: row.withUnsafeBufferPointer(RowScan.firstMaximum) ?? 0)
    }

    /// The token whose cumulative-probability interval, walking candidates in held order,
    /// contains `uniform` ∈ [0, 1). Rounding can leave the sum just below 1, so a draw past the
    /// end picks the last candidate with non-zero probability.
    public func sample(uniform: Double) -> TokenID {
        var cumulative = 0.0
        var lastPositive = 0
        for i in probabilities.indices where probabilities[i] > 0 {
            cumulative += probabilities[i]
            lastPositive = i
            if uniform < cumulative { return tokens[i] }
        }
        return tokens[lastPositive]
    }

    /// The `n` most probable candidates, most probable first (ties by token id), without
    /// sorting the whole vocabulary.
    public func top(_ n: Int) -> [TokenProbability] {
        topIndices(n).map { TokenProbability(token: tokens[$0], logit: logits[$0], probability: probabilities[$0]) }
    }

    /// Candidate indices of the `n` most probable, most probable first.
    func topIndices(_ n: Int) -> [Int] {
        logits.withUnsafeBufferPointer { row in
            Self.topIndices(n, of: row, token: { tokens[$0] }, isCandidate: { probabilities[$0] > 0 })
        }
    }

    /// The tokens of `Distribution(logits: row).top(n)` without the softmax: a token has a
    /// non-zero probability there exactly when its logit is within the Double exponential's
    /// range of the maximum (`VectorExp.lowest`).
    static func topTokens(ofLogits row: ArraySlice<Float>, count n: Int) -> [TokenID] {
        row.withUnsafeBufferPointer { logits in
            let maxLogit = RowScan.maximum(logits)
            return topIndices(n, of: logits, token: { TokenID(truncatingIfNeeded: $0) },
                              isCandidate: { Double(logits[$0] - maxLogit) >= VectorExp.lowest })
                .map { TokenID(truncatingIfNeeded: $0) }
        }
    }

    /// Indices of the `n` largest logits among the candidates `isCandidate` admits, largest first
    /// (ties to the lower token): a bounded insertion list, O(count · log n) comparisons plus
    /// an insertion per improvement.
    @inline(__always)
    private static func topIndices(_ n: Int, of logits: UnsafeBufferPointer<Float>, token: (Int) -> TokenID,
                                   isCandidate: (Int) -> Bool) -> [Int] {
        guard n > 0 else { return [] }
        var best: [Int] = []
        best.reserveCapacity(n + 1)
        func ranksHigher(_ a: Int, _ b: Int) -> Bool {
            logits[a] != logits[b] ? logits[a] > logits[b] : token(a) < token(b)
        }
        // Logit of the current n-th best: most candidates, most chunks of eight, fail this one comparison.
        var cutoff = -Float.infinity
        RowScan.indices(of: logits, atLeast: { cutoff }) { i in
            guard isCandidate(i) else { return }
            if best.count == n, let last = best.last, !ranksHigher(i, last) { return }
            var low = 0
            var high = best.count
            while low < high {
                let middle = (low + high) / 2
                if ranksHigher(best[middle], i) { low = middle + 1 } else { high = middle }
            }
            best.insert(i, at: low)
            if best.count > n { best.removeLast() }
            if best.count == n, let last = best.last { cutoff = logits[last] }
        }
        return best
    }

    /// A display view of this distribution after `stage`.
    public func view(stage: String, label: String, topCount: Int) -> StageView {
        StageView(stage: stage, label: label, top: top(topCount), candidateCount: support, entropy: entropy, varentropy: varentropy)
    }
}
