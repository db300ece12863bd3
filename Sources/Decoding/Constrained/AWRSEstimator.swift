/// How adaptive weighted rejection sampling turns its walk into an importance weight. All three
/// are unbiased (E[w · 1{x = y}] = p(y) c(y)); they differ in variance and in extra checks.
public enum AWRSEstimator: Int, Sendable, CaseIterable {
    /// The paper's: a second rejection round after the first acceptance;
    /// w = (1 − Σ_{R1} p) / (|R1| + |R2| + 1).
    case twoRound = 0
    /// One more check after the acceptance: w = (1 − Σ_R p) · (1 if that next token is
    /// allowed (or none is left) else q_x).
    case recursive = 1
    /// Sampling with replacement simulated from the walk (geometric phantom re-draws of
    /// rejected tokens), stopping at the second acceptance: w = 1 / (rejections + 1).
    case geometric = 2
}
