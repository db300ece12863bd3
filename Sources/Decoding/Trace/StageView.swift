/// The distribution as one sampler stage left it, reduced to what a screen can show: the top
/// entries plus the exact summary numbers of the whole distribution.
public struct StageView: Sendable, Codable, Equatable {
    /// The stage's short name ("raw", "top-k", "temperature", ...).
    public var stage: String
    /// The stage with its parameter, e.g. "top-k 40".
    public var label: String
    /// The most probable candidates, most probable first.
    public var top: [TokenProbability]
    /// How many tokens still have non-zero probability.
    public var candidateCount: Int
    /// Entropy in nats.
    public var entropy: Double
    /// Variance of the surprisal, in nats².
    public var varentropy: Double

    public init(stage: String, label: String, top: [TokenProbability], candidateCount: Int, entropy: Double, varentropy: Double) {
        self.stage = stage
        self.label = label
        self.top = top
        self.candidateCount = candidateCount
        self.entropy = entropy
        self.varentropy = varentropy
    }
}
