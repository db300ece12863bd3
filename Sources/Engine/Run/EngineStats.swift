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
    /// Tokens committed by steps that evaluated nothing (read from logits an earlier pass
    /// computed, such as the prompt's): part of the run, not of the decoding rate.
    public var precomputedTokens: Int

    public init(generatedTokens: Int = 0, steps: Int = 0, targetEvaluations: Int = 0, draftEvaluations: Int = 0, promptSeconds: Double = 0, decodeSeconds: Double = 0,
                precomputedTokens: Int = 0) {
        self.generatedTokens = generatedTokens
        self.steps = steps
        self.targetEvaluations = targetEvaluations
        self.draftEvaluations = draftEvaluations
        self.promptSeconds = promptSeconds
        self.decodeSeconds = decodeSeconds
        self.precomputedTokens = precomputedTokens
    }

    private enum CodingKeys: String, CodingKey {
        case generatedTokens, steps, targetEvaluations, draftEvaluations, promptSeconds, decodeSeconds, precomputedTokens
    }

    /// Traces written before `precomputedTokens` existed decode with 0.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        generatedTokens = try container.decode(Int.self, forKey: .generatedTokens)
        steps = try container.decode(Int.self, forKey: .steps)
        targetEvaluations = try container.decode(Int.self, forKey: .targetEvaluations)
        draftEvaluations = try container.decode(Int.self, forKey: .draftEvaluations)
        promptSeconds = try container.decode(Double.self, forKey: .promptSeconds)
        decodeSeconds = try container.decode(Double.self, forKey: .decodeSeconds)
        precomputedTokens = try container.decodeIfPresent(Int.self, forKey: .precomputedTokens) ?? 0
    }

    /// Tokens the decoding steps computed per second of decoding (as llama.cpp's eval rate,
    /// which leaves out the token sampled from the prompt's logits); 0 until one is computed.
    public var tokensPerSecond: Double {
        decodeSeconds > 0 ? Double(generatedTokens - precomputedTokens) / decodeSeconds : 0
    }

    /// Generated tokens per target forward pass (the prompt's pass included): 1 for plain
    /// decoding, above 1 when speculation pays.
    public var tokensPerEvaluation: Double {
        targetEvaluations > 0 ? Double(generatedTokens) / Double(targetEvaluations) : 0
    }
}
