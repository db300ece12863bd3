/// SpecTr's K-SEQ rule for k drafts drawn independently from one q (reference Card 3c): every
/// draw is kept with probability min(1, p/(ρ q)), the first kept one wins, and if none is kept
/// the token comes from norm(max(0, p − ρ q)). With one draft accepted with probability
/// β(ρ) = Σ min(q, p/ρ), the winner is x with probability min(ρ q(x), p(x)) exactly when
/// 1 − (1 − β(ρ))^k = ρ β(ρ); that ρ* lies in [1, k] and makes the output exactly p.
public struct KSequenceRule: Sendable, Equatable {
    /// The scale ρ* of the draft distribution for this p, q and k.
    public let rho: Double
    /// Chance that one draw from q is kept: β(ρ*).
    public let drawAcceptance: Double
    public let draws: Int

    public init(target p: [Double], proposal q: [Double], draws k: Int) {
        precondition(p.count == q.count, "target and draft must share the vocabulary")
        draws = max(1, k)
        // Only tokens q can draw matter to β.
        let pairs = q.indices.filter { q[$0] > 0 }.map { (p: p[$0], q: q[$0]) }
        let beta = { (rho: Double) in pairs.reduce(0) { $0 + min($1.q, $1.p / rho) } }
        let draws = self.draws
        // 1 − (1 − β)^k falls and ρβ rises with ρ: the gap changes sign once on [1, k].
        let gap = { (rho: Double) -> Double in
            let b = beta(rho)
            var missAll = 1.0
            for _ in 0..<draws { missAll *= 1 - b }
            return 1 - missAll - rho * b
        }
        var low = 1.0, high = Double(draws)
        for _ in 0..<80 where high - low > 0 {
            let middle = (low + high) / 2
            if gap(middle) >= 0 { low = middle } else { high = middle }
        }
        rho = low
        drawAcceptance = beta(low)
    }

    /// Chance that some draw is kept: 1 − (1 − β)^k.
    public var acceptance: Double {
        var missAll = 1.0
        for _ in 0..<draws { missAll *= 1 - drawAcceptance }
        return 1 - missAll
    }

    /// `min(1, p/(ρ q))`; a token q cannot draw is never kept.
    public func keepProbability(p: Double, q: Double) -> Double {
        q > 0 ? min(1, p / (rho * q)) : 0
    }

    /// `norm(max(0, p − ρ q))`, what the token comes from when every draw failed; the target
    /// itself when rounding left nothing.
    public func residual(target p: [Double], proposal q: [Double]) -> [Double] {
        SpeculativeMath.residual(target: p, proposal: q.map { $0 * rho })
    }
}
