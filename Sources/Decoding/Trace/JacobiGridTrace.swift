import Inference

/// What a lookahead step's Jacobi window looked like: the guess levels the target evaluated and
/// the level its pass produced, plus the n-gram pool candidates it verified alongside.
public struct JacobiGridTrace: Sendable, Codable, Equatable {
    /// The guesses evaluated, oldest level first. Column j of level r guessed the token r + j + 1
    /// places after the text committed before the step.
    public var levels: [[TokenID]]
    /// The level this pass produced (the target's argmax after each deepest guess), one place
    /// further on; nil where the token budget cut the window short.
    public var next: [TokenID?]
    /// Pool continuations of the last committed token that were verified in the same pass.
    public var poolCandidates: [[TokenID]]
    /// N-grams the window added to the pool this step.
    public var collected: Int

    public init(levels: [[TokenID]], next: [TokenID?], poolCandidates: [[TokenID]], collected: Int) {
        self.levels = levels
        self.next = next
        self.poolCandidates = poolCandidates
        self.collected = collected
    }
}
