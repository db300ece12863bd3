import Inference

/// A replay's tokens against the ones a trace recorded, fed step by step as the replay runs.
public struct ReplayComparison: Sendable {
    public let recorded: [TokenID]
    /// False when the trace stopped before its run finished (Ctrl-C, a cut file, a TUI save
    /// mid-run): it holds only a prefix of the run, and only that prefix is compared.
    public let complete: Bool
    public private(set) var replayed: [TokenID] = []

    public init(recorded: [TokenID], complete: Bool) {
        self.recorded = recorded
        self.complete = complete
    }

    /// Adds the tokens a replayed step committed; true once the outcome is known and the
    /// replay can stop: a divergence, or every token of an incomplete trace replayed.
    public mutating func add(_ tokens: [TokenID]) -> Bool {
        replayed += tokens
        if !complete, replayed.count >= recorded.count {
            replayed.removeSubrange(recorded.count...)
            return true
        }
        return divergence.map { $0 < replayed.count } ?? false
    }

    /// Index of the first token where recording and replay differ (one ending before the other
    /// counts); nil when they are identical.
    public var divergence: Int? {
        if let index = zip(recorded, replayed).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset { return index }
        return recorded.count == replayed.count ? nil : min(recorded.count, replayed.count)
    }
}
