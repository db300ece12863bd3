/// What a strategy's `step` returns; the Engine adds the step index, counters and timing to make
/// the `StepTrace`.
public struct StepResult: Sendable {
    /// In text order, including rejected drafts (which are not committed).
    public var tokens: [TracedToken]
    public var payload: StepPayload

    public init(tokens: [TracedToken], payload: StepPayload) {
        self.tokens = tokens
        self.payload = payload
    }
}
