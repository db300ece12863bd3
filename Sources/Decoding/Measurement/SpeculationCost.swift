/// When speculation pays on this machine. A plain step makes one token for T(1). A round that
/// drafts n tokens costs one verify pass over n + 1 tokens (the drafts and the last committed
/// token), T(n + 1), plus the drafting and per-row sampling around it, c_d · T(1) per drafted
/// token, and yields MAT tokens. It beats plain decoding when
/// MAT / (T(n + 1) + n · c_d · T(1)) > 1 / T(1), that is when MAT > T(n + 1)/T(1) + n · c_d.
public struct SpeculationCost: Sendable, Equatable {
    /// Drafted tokens in the round being judged.
    public var draftSize: Int
    /// T(n + 1)/T(1) from the measured curve.
    public var verifyRatio: Double
    /// What a round spends besides its verify pass, per drafted token, in units of T(1):
    /// measured as the rounds' mean time minus the verify time of their mean size.
    public var draftCost: Double

    public init(draftSize: Int, verifyRatio: Double, draftCost: Double) {
        self.draftSize = draftSize
        self.verifyRatio = verifyRatio
        self.draftCost = draftCost
    }

    /// From the rounds so far and the measured verify curve; nil before a round with drafts or
    /// without T(1).
    public init?(statistics: SpeculationStatistics, verifyCost: VerifyCost, draftSize: Int) {
        let meanDraft = statistics.meanDraftSize
        guard statistics.rounds > 0, meanDraft > 0, let one = verifyCost.seconds[1], one > 0,
              let ratio = verifyCost.ratio(draftSize + 1), let meanRatio = verifyCost.ratio(Int(meanDraft.rounded()) + 1) else { return nil }
        let roundRatio = statistics.seconds / Double(statistics.rounds) / one
        self.init(draftSize: draftSize, verifyRatio: ratio, draftCost: max(0, roundRatio - meanRatio) / meanDraft)
    }

    /// The mean accepted tokens per round above which this round shape beats plain decoding.
    public var breakEven: Double {
        verifyRatio + Double(draftSize) * draftCost
    }
}
