/// How the judging of one tree level ended: the walk goes deeper, or the round ends with a
/// token the target chose itself (residual sample, greedy correction, matched sample).
public enum LevelOutcome: Sendable, Equatable {
    case accepted(node: Int)
    case emitted(TracedToken)
}
