/// When speculation pays on this machine. A plain step makes one token for T(1). A round that
/// drafts n tokens costs one verify pass over n + 1 tokens (the drafts and the last committed
/// token), T(n + 1), plus what the round does besides: a fixed part (sampling every verified
/// row, bookkeeping) and a part per drafted token (drafters that run the model). It beats plain
/// decoding when its MAT exceeds (T(n + 1) + that work) / T(1).
///
/// The work besides verification is measured: each round's time minus the verify time of its
/// own size, fitted as a + b·n by least squares over the round sizes seen. With one size the
/// two parts cannot be told apart, and it goes to the drafted tokens only for a drafter that
/// evaluates the model (a lookup's bookkeeping over its few drafts would read as a large,
/// false per-token cost).
public struct SpeculationCost: Sendable, Equatable {
    /// Drafted tokens in the round being judged.
    public var draftSize: Int
    /// T(n + 1)/T(1) from the measured curve.
    public var verifyRatio: Double
    /// a, in units of T(1).
    public var perRound: Double
    /// b, in units of T(1).
    public var perDraftedToken: Double

    public init(draftSize: Int, verifyRatio: Double, perRound: Double, perDraftedToken: Double) {
        self.draftSize = draftSize
        self.verifyRatio = verifyRatio
        self.perRound = perRound
        self.perDraftedToken = perDraftedToken
    }

    /// From the rounds so far and the measured verify curve; nil before any round, or without
    /// T(1) or a ratio for one of the sizes seen.
    public init?(statistics: SpeculationStatistics, verifyCost: VerifyCost, draftSize: Int) {
        guard statistics.rounds > 0, let one = verifyCost.seconds[1], one > 0, let ratio = verifyCost.ratio(draftSize + 1) else { return nil }
        // Weighted sums over the round sizes: rounds, Σn, Σn², other work, Σ n · other work.
        var (rounds, sizes, squares, other, weighted) = (0.0, 0.0, 0.0, 0.0, 0.0)
        for (size, count) in statistics.roundsByDraftSize {
            guard let sizeRatio = verifyCost.ratio(size + 1) else { return nil }
            let n = Double(size), c = Double(count)
            let work = (statistics.secondsByDraftSize[size] ?? 0) / one - c * sizeRatio
            (rounds, sizes, squares, other, weighted) = (rounds + c, sizes + c * n, squares + c * n * n, other + work, weighted + n * work)
        }
        let spread = rounds * squares - sizes * sizes
        var (a, b): (Double, Double)
        if spread > 1e-9 {
            b = (rounds * weighted - sizes * other) / spread
            a = (other - b * sizes) / rounds
            if b < 0 { (a, b) = (other / rounds, 0) }
            if a < 0 { (a, b) = (0, squares > 0 ? weighted / squares : 0) }
        } else if statistics.draftEvaluations > 0, sizes > 0 {
            (a, b) = (0, other / sizes)
        } else {
            (a, b) = (other / rounds, 0)
        }
        self.init(draftSize: draftSize, verifyRatio: ratio, perRound: max(0, a), perDraftedToken: max(0, b))
    }

    /// The work besides verification in a round of `draftSize` drafts, in units of T(1).
    public var otherWorkThisRound: Double {
        perRound + Double(draftSize) * perDraftedToken
    }

    /// The mean accepted tokens per round above which this round shape beats plain decoding.
    public var breakEven: Double {
        verifyRatio + otherWorkThisRound
    }
}
