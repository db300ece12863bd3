/// PEARL's adaptive draft length without its second device: the draft grows while the target
/// keeps accepting whole drafts and falls back to what was accepted after a rejection, so easy
/// stretches are drafted long and hard ones short. A fixed length is the same type with
/// adaptation off, so every chain drafter takes its length from one place.
public struct AdaptiveDraftLength: Sendable, Equatable {
    public let maximum: Int
    public let isAdaptive: Bool
    public private(set) var current: Int

    public init(initial: Int, maximum: Int, adaptive: Bool = true) {
        self.maximum = max(1, maximum)
        self.isAdaptive = adaptive
        self.current = adaptive ? min(max(1, initial), self.maximum) : self.maximum
    }

    /// After a round that drafted `drafted` tokens and kept `accepted` of them.
    public mutating func record(drafted: Int, accepted: Int) {
        guard isAdaptive, drafted > 0 else { return }
        current = accepted == drafted ? min(maximum, current + 1) : max(1, accepted + 1)
    }
}
