import Decoding
import Inference

/// One token of the text pane: what a step produced, with its text prepared for display once,
/// when it arrives, rather than on every frame.
public struct TokenEntry: Sendable, Equatable {
    /// Index of the step (in `AppState.steps`) that produced the token.
    public var step: Int
    public var traced: TracedToken
    /// The token's text split at newlines, each piece made printable; n pieces mean n-1 line breaks.
    public var pieces: [String]

    public init(step: Int, traced: TracedToken, vocabulary: any Vocabulary) {
        self.step = step
        self.traced = traced
        self.pieces = TokenEntry.pieces(of: TokenText.string(traced.token, vocabulary: vocabulary))
    }

    /// The entries for the tokens a step committed (and, for speculative steps, rejected).
    static func entries(of trace: StepTrace, step: Int, vocabulary: any Vocabulary) -> [TokenEntry] {
        trace.tokens.map { TokenEntry(step: step, traced: $0, vocabulary: vocabulary) }
    }

    static func pieces(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { Printable.text(String($0)) }
    }
}
