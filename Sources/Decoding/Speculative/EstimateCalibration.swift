/// How far a drafter's own estimates of acceptance can be trusted, learned from the target's
/// verdicts: decayed sums of the estimates of the drafted nodes the target judged and of how
/// many of them it accepted. Their ratio scales the next estimates, so a drafter whose
/// estimates run high (a prompt seen once is not what the model writes) drafts less.
public struct EstimateCalibration: Sendable, Equatable {
    public static let decay = 0.9
    /// Trust never grows past this: an estimate is a probability.
    public static let maximumTrust = 1.0
    private var estimated = 1.0
    private var accepted = 1.0

    public init() {}

    /// Accepted nodes per unit of estimate, recently: what to multiply an estimate by.
    public var trust: Double { min(Self.maximumTrust, accepted / estimated) }

    /// After a round: the estimate of every node the target judged, and whether it accepted it.
    public mutating func record(estimates: [Double], accepted verdicts: [Bool]) {
        guard !estimates.isEmpty else { return }
        estimated = Self.decay * estimated + estimates.reduce(0, +)
        accepted = Self.decay * accepted + Double(verdicts.filter { $0 }.count)
    }
}
