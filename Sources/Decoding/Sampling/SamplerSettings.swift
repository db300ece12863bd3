import Inference

/// The classic sampler parameters, with llama.cpp's names, meanings and defaults. A value that
/// disables a stage (top-k 0, top-p 1, min-p 0, typical 1, penalties 1/0/0, no bias) removes it
/// from the chain.
public struct SamplerSettings: Sendable, Codable, Equatable {
    /// 0 or below means greedy: only the most probable token survives.
    public var temperature: Double = 0.8
    public var topK: Int = 40
    public var topP: Double = 0.95
    public var minP: Double = 0.05
    public var typicalP: Double = 1.0
    /// Divides positive logits (multiplies negative ones) of tokens seen in the window.
    public var repeatPenalty: Double = 1.0
    /// Subtracted once per occurrence in the window.
    public var frequencyPenalty: Double = 0
    /// Subtracted once if the token occurs in the window.
    public var presencePenalty: Double = 0
    /// How many of the most recent tokens the penalties look at (llama.cpp `penalty_last_n`).
    public var penaltyWindow: Int = 64
    /// Added to a token's logit before anything else.
    public var logitBias: [TokenID: Float] = [:]
    /// Truncating stages never keep fewer candidates than this (llama.cpp `min_keep`).
    public var minKeep: Int = 0

    public init() {}

    public var isGreedy: Bool { temperature <= 0 }

    /// The active stages in llama.cpp's default order: logit bias → penalties → top-k →
    /// typical → top-p → min-p → temperature (then the final draw).
    public var stages: [SamplerStage] {
        var stages: [SamplerStage] = []
        if !logitBias.isEmpty { stages.append(.logitBias(logitBias)) }
        if penaltyWindow != 0, repeatPenalty != 1 || frequencyPenalty != 0 || presencePenalty != 0 {
            stages.append(.penalties(repeat: repeatPenalty, frequency: frequencyPenalty, presence: presencePenalty, window: penaltyWindow))
        }
        if topK > 0 { stages.append(.topK(topK)) }
        if typicalP < 1 { stages.append(.typicalP(typicalP)) }
        if topP < 1 { stages.append(.topP(topP)) }
        if minP > 0 { stages.append(.minP(minP)) }
        stages.append(.temperature(temperature))
        return stages
    }
}
