import Grammar
import Inference

/// The constraint of one run: compiled when the strategy is made (so a bad grammar is reported
/// at once), attached to the context's vocabulary at the first step, and advanced by every
/// committed token.
struct ConstraintTracker {
    private let grammar: Grammar
    private var attached: (constraint: TokenConstraint, state: RecognizerState)?

    init(_ spec: ConstraintSpec?, strategy: String) throws(ConstraintError) {
        grammar = try ConstraintSpec.grammar(of: spec, for: strategy)
    }

    /// The constraint over the context's vocabulary and the state after the committed text.
    mutating func attach(to context: DecodingContext) throws(ConstraintError) -> (constraint: TokenConstraint, state: RecognizerState) {
        if let attached { return attached }
        let constraint = TokenConstraint(grammar: grammar, vocabulary: TokenVocabulary.shared(for: context.vocabulary))
        guard let state = constraint.state(after: context.generatedTokens) else { throw .deadEnd(generated: context.generatedCount) }
        attached = (constraint, state)
        return (constraint, state)
    }

    /// Advances the committed state by a token the constraint allowed.
    mutating func commit(_ token: TokenID) {
        guard let attached, let next = attached.constraint.advance(attached.state, by: token) else {
            preconditionFailure("a committed token must be one the attached constraint allowed")
        }
        self.attached = (attached.constraint, next)
    }
}
