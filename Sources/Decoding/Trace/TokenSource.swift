/// Where a token in a step came from; the "source" lens colours text by this.
public enum TokenSource: String, Sendable, Codable, CaseIterable {
    /// Drawn at random from the sampler chain's final distribution.
    case sampled
    /// The most probable token (temperature 0 or the greedy strategy).
    case greedy
    /// The prefix all beams agreed on (beam search commits only what no beam can revise).
    case beam
    /// A drafted token the target accepted.
    case draftAccepted
    /// A drafted token the target rejected; shown, never committed.
    case draftRejected
    /// Drawn from the residual distribution after a rejection.
    case resampled
    /// The extra token the target yields when every draft was accepted.
    case bonus
    /// The only token the constraint allowed.
    case grammarForced

    /// Whether a token with this source becomes part of the text.
    public var isCommitted: Bool { self != .draftRejected }

    /// How the screen says it.
    public var words: String {
        switch self {
        case .sampled: "sampled"
        case .greedy: "greedy"
        case .beam: "beam prefix"
        case .draftAccepted: "draft accepted"
        case .draftRejected: "draft rejected"
        case .resampled: "resampled"
        case .bonus: "bonus"
        case .grammarForced: "forced by the grammar"
        }
    }
}
