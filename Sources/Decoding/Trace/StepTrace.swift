/// Everything one round of a strategy did: the tokens it produced and the payload that explains
/// them. The UI draws only from these.
public struct StepTrace: Sendable, Codable, Equatable {
    /// 0 for the first step of a run.
    public var index: Int
    /// Number of generated tokens before this step.
    public var generatedBefore: Int
    /// Tokens in text order; rejected drafts appear where they were proposed but are not part
    /// of the text.
    public var tokens: [TracedToken]
    public var payload: StepPayload
    /// Forward passes of the target model during this step.
    public var targetEvaluations: Int
    /// Forward passes of a draft (early-exit passes, draft models) during this step.
    public var draftEvaluations: Int
    /// Wall time of the step in seconds (not used for replay verification).
    public var seconds: Double

    public init(index: Int, generatedBefore: Int, tokens: [TracedToken], payload: StepPayload, targetEvaluations: Int, draftEvaluations: Int = 0, seconds: Double = 0) {
        self.index = index
        self.generatedBefore = generatedBefore
        self.tokens = tokens
        self.payload = payload
        self.targetEvaluations = targetEvaluations
        self.draftEvaluations = draftEvaluations
        self.seconds = seconds
    }

    /// The tokens that became part of the text, in order.
    public var committedTokens: [TracedToken] { tokens.filter(\.source.isCommitted) }
}
