/// Running totals of the current run.
public struct EngineStats: Sendable, Codable, Equatable {
    public var generatedTokens: Int
    public var steps: Int
    public var targetEvaluations: Int
    public var draftEvaluations: Int
    /// Time spent evaluating the prompt.
    public var promptSeconds: Double
    /// Time spent in steps after the prompt (paused time excluded).
    public var decodeSeconds: Double

    public init(generatedTokens: Int = 0, steps: Int = 0, targetEvaluations: Int = 0, draftEvaluations: Int = 0, promptSeconds: Double = 0, decodeSeconds: Double = 0) {
        self.generatedTokens = generatedTokens
        self.steps = steps
        self.targetEvaluations = targetEvaluations
        self.draftEvaluations = draftEvaluations
        self.promptSeconds = promptSeconds
        self.decodeSeconds = decodeSeconds
    }

    public var tokensPerSecond: Double {
        decodeSeconds > 0 ? Double(generatedTokens) / decodeSeconds : 0
    }

    /// Generated tokens per target forward pass (the prompt's pass included): 1 for plain
    /// decoding, above 1 when speculation pays.
    public var tokensPerEvaluation: Double {
        targetEvaluations > 0 ? Double(generatedTokens) / Double(targetEvaluations) : 0
    }
}
