import Grammar
import Inference

/// A compiled constraint over one vocabulary: which tokens may follow a recognizer state, one at
/// a time (adaptive rejection) or all at once (a full mask). Special tokens are never allowed
/// inside the grammar; end tokens exactly when the text so far is complete. The two ways agree.
///
/// Recognizer states are values, so each particle or hypothesis keeps its own.
final class TokenConstraint {
    let recognizer: Recognizer
    let vocabulary: TokenVocabulary

    init(grammar: Grammar, vocabulary: TokenVocabulary) {
        recognizer = Recognizer(grammar)
        self.vocabulary = vocabulary
    }

    var initialState: RecognizerState { recognizer.initialState }

    func isComplete(_ state: RecognizerState) -> Bool { recognizer.isComplete(state) }

    func isEnd(_ token: TokenID) -> Bool { vocabulary.isEnd(Int(token)) }

    func mask(after state: RecognizerState) -> TokenMask {
        recognizer.mask(after: state, in: vocabulary.trie)
    }

    /// One constraint check: may `token` follow `state`?
    func allows(_ token: TokenID, after state: RecognizerState) -> Bool {
        let id = Int(token)
        if vocabulary.isEnd(id) { return recognizer.isComplete(state) }
        return vocabulary.isText(id) && recognizer.canAccept(vocabulary.tokenBytes[id], from: state)
    }

    /// The state after `token`, nil when it is not allowed. An end token leaves the state as is.
    func advance(_ state: RecognizerState, by token: TokenID) -> RecognizerState? {
        let id = Int(token)
        if vocabulary.isEnd(id) { return recognizer.isComplete(state) ? state : nil }
        guard vocabulary.isText(id) else { return nil }
        return recognizer.advance(state, bytes: vocabulary.tokenBytes[id])
    }

    /// The state after all of `tokens` from the start, nil when they leave the language.
    func state(after tokens: some Sequence<TokenID>) -> RecognizerState? {
        var state = initialState
        for token in tokens {
            guard let next = advance(state, by: token) else { return nil }
            state = next
        }
        return state
    }
}
