import Decoding
import Engine
import Inference

/// One token of the text pane: what a step produced, with its text prepared for display once,
/// when it arrives, rather than on every frame.
public struct TokenEntry: Sendable, Equatable {
    /// Index of the step (in `AppState.steps`) that produced the token.
    public var step: Int
    public var traced: TracedToken
    /// The token's text split at newlines, each piece made printable; n pieces mean n-1 line breaks.
    /// A rejected draft is one piece, its newlines drawn as `↵`: it is not part of the text, so
    /// it must not break the text's lines.
    public var pieces: [String]
    /// The bytes of a character this token starts but does not finish: the next committed
    /// token shows the character (empty for a token that ends on a character boundary).
    public var unfinished: [UInt8] = []

    /// A rejected draft: drawn only in the source lens, and not part of the text.
    public var isRejectedDraft: Bool { traced.source == .draftRejected }

    /// The token's text on its own (half a character becomes U+FFFD).
    public init(step: Int, traced: TracedToken, vocabulary: any Vocabulary) {
        let text = TokenText.string(traced.token, vocabulary: vocabulary)
        self.step = step
        self.traced = traced
        self.pieces = traced.source == .draftRejected ? [Printable.text(text)] : TokenEntry.pieces(of: text)
    }

    /// The token's text after `unfinished`, the end of the text before it: a character split
    /// over tokens is shown whole, by the token that finishes it.
    init(step: Int, traced: TracedToken, vocabulary: any Vocabulary, after unfinished: [UInt8]) {
        var holdback = UTF8Holdback(pending: unfinished)
        let ready = holdback.push(vocabulary.bytes(of: traced.token))
        self.step = step
        self.traced = traced
        self.pieces = TokenEntry.pieces(of: String(decoding: ready, as: UTF8.self))
        self.unfinished = holdback.pending
    }

    /// The entries for the tokens a step committed (and, for speculative steps, rejected),
    /// following `previous`, the entries so far. Rejected drafts are not part of the text: each
    /// is shown on its own.
    static func entries(of trace: StepTrace, step: Int, vocabulary: any Vocabulary, after previous: [TokenEntry]) -> [TokenEntry] {
        var unfinished = previous.last { !$0.isRejectedDraft }?.unfinished ?? []
        return trace.tokens.map { traced in
            guard traced.source != .draftRejected else { return TokenEntry(step: step, traced: traced, vocabulary: vocabulary) }
            let entry = TokenEntry(step: step, traced: traced, vocabulary: vocabulary, after: unfinished)
            unfinished = entry.unfinished
            return entry
        }
    }

    static func pieces(of text: String) -> [String] {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { Printable.text(String($0)) }
    }
}
