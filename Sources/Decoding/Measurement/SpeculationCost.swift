/// When speculation pays on this machine. A plain step makes one token for T(1). A round that
/// drafts n tokens costs one verify pass over n + 1 tokens (the drafts and the last committed
/// token), T(n + 1), plus what the round does besides: drafting and per-row sampling. It
/// beats plain decoding when its MAT exceeds (T(n + 1) + that work) / T(1).
///
/// The work besides verification is measured: the rounds' time minus the verify time of each
/// round's size. A drafter that runs the model (early exit, layer skip) pays it per drafted
/// token; a table or text lookup pays a roughly fixed amount per round, which divided by its
/// few drafted tokens would read as a large, false per-token cost.
public struct SpeculationCost: Sendable, Equatable {
    public enum OtherWork: Sendable, Equatable {
        /// In units of T(1), per drafted token (drafters that evaluate the model).
        case perDraftedToken(Double)
        /// In units of T(1), per round (drafters without model passes).
        case perRound(Double)
    }

    /// Drafted tokens in the round being judged.
    public var draftSize: Int
    /// T(n + 1)/T(1) from the measured curve.
    public var verifyRatio: Double
    public var otherWork: OtherWork

    public init(draftSize: Int, verifyRatio: Double, otherWork: OtherWork) {
        self.draftSize = draftSize
        self.verifyRatio = verifyRatio
        self.otherWork = otherWork
    }

    /// From the rounds so far and the measured verify curve; nil before any round, or without
    /// T(1) or a ratio for one of the sizes seen.
    public init?(statistics: SpeculationStatistics, verifyCost: VerifyCost, draftSize: Int) {
        guard statistics.rounds > 0, let one = verifyCost.seconds[1], one > 0, let ratio = verifyCost.ratio(draftSize + 1) else { return nil }
        var verifyUnits = 0.0
        for (size, rounds) in statistics.roundsByDraftSize {
            guard let sizeRatio = verifyCost.ratio(size + 1) else { return nil }
            verifyUnits += sizeRatio * Double(rounds)
        }
        let otherUnits = max(0, statistics.seconds / one - verifyUnits)
        let work: OtherWork = statistics.draftEvaluations > 0 && statistics.drafted > 0
            ? .perDraftedToken(otherUnits / Double(statistics.drafted))
            : .perRound(otherUnits / Double(statistics.rounds))
        self.init(draftSize: draftSize, verifyRatio: ratio, otherWork: work)
    }

    /// The work besides verification in a round of `draftSize` drafts, in units of T(1).
    public var otherWorkThisRound: Double {
        switch otherWork {
        case .perDraftedToken(let cost): Double(draftSize) * cost
        case .perRound(let cost): cost
        }
    }

    /// The mean accepted tokens per round above which this round shape beats plain decoding.
    public var breakEven: Double {
        verifyRatio + otherWorkThisRound
    }
}
