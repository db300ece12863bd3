/// SWIFT's on-the-fly choice of the layers a self-draft skips, driven by acceptance instead of
/// a separate scoring pass: each candidate set drafts for `roundsPerTrial` rounds, its
/// acceptance rate (accepted / judged drafts) is compared with the best set's, and the next
/// candidate is the best set with one skipped layer swapped for a kept one. The search stops
/// once a set reaches `targetAcceptance` or after `maxTrials` candidates. The first and last
/// layers are never skipped.
public struct SkipSetSearch: Sendable, Equatable {
    public let layerCount: Int
    public let roundsPerTrial: Int
    public let maxTrials: Int
    public let targetAcceptance: Double
    /// The set drafting now.
    public private(set) var current: Set<Int>
    public private(set) var best: Set<Int>
    public private(set) var bestAcceptance = -1.0
    public private(set) var trials = 0
    private var accepted = 0
    private var judged = 0
    private var rounds = 0
    private var random: SeededRandom

    /// Starts from `skipCount` layers spread evenly over the skippable ones.
    public init(layerCount: Int, skipCount: Int, roundsPerTrial: Int = 4, maxTrials: Int = 40, targetAcceptance: Double = 0.9, seed: UInt64 = 0x5317) {
        self.layerCount = layerCount
        self.roundsPerTrial = max(1, roundsPerTrial)
        self.maxTrials = max(1, maxTrials)
        self.targetAcceptance = targetAcceptance
        let skippable = Array(1..<max(1, layerCount - 1))
        let count = min(max(0, skipCount), skippable.count)
        let spread = (0..<count).map { skippable[$0 * skippable.count / max(1, count)] }
        current = Set(spread)
        best = current
        random = SeededRandom(seed: seed)
    }

    public var isSearching: Bool { trials < maxTrials && bestAcceptance < targetAcceptance }

    /// After a round drafted with `current`: `accepted` of `judged` drafts were kept.
    public mutating func record(accepted: Int, judged: Int) {
        guard isSearching else { return }
        self.accepted += accepted
        self.judged += judged
        rounds += 1
        guard rounds >= roundsPerTrial, self.judged > 0 else { return }
        let acceptance = Double(self.accepted) / Double(self.judged)
        if acceptance > bestAcceptance {
            best = current
            bestAcceptance = acceptance
        }
        trials += 1
        (self.accepted, self.judged, rounds) = (0, 0, 0)
        current = isSearching ? neighbour(of: best) : best
    }

    /// `set` with one skipped layer swapped for a kept one.
    private mutating func neighbour(of set: Set<Int>) -> Set<Int> {
        let kept = (1..<max(1, layerCount - 1)).filter { !set.contains($0) }
        guard let out = set.sorted().randomElement(using: &random), let into = kept.randomElement(using: &random) else { return set }
        var next = set
        next.remove(out)
        next.insert(into)
        return next
    }
}
