import Inference

/// What a Jacobi step's window looked like: the guess levels the target evaluated and the level
/// its pass produced. Lookahead adds the n-gram pool candidates it verified alongside;
/// speculative Jacobi adds the previous iterate and how many guesses were accepted.
public struct JacobiGridTrace: Sendable, Codable, Equatable {
    /// The guesses evaluated, oldest level first. Column j of level r guessed the token r + j + 1
    /// places after the text committed before the step.
    public var levels: [[TokenID]]
    /// The level this pass produced (the target's argmax after each deepest guess, or for
    /// speculative Jacobi a draw from it), one place further on; nil where the token budget cut
    /// the window short or the position was committed.
    public var next: [TokenID?]
    /// Pool continuations of the last committed token that were verified in the same pass.
    public var poolCandidates: [[TokenID]]
    /// N-grams the window added to the pool this step.
    public var collected: Int
    /// Speculative Jacobi: what each column of level 0 held one iteration earlier, nil for a
    /// position that was new to the window.
    public var previous: [TokenID?]?
    /// Speculative Jacobi: how many leading guesses of level 0 the target accepted.
    public var accepted: Int?

    public init(levels: [[TokenID]], next: [TokenID?], poolCandidates: [[TokenID]], collected: Int,
                previous: [TokenID?]? = nil, accepted: Int? = nil) {
        self.levels = levels
        self.next = next
        self.poolCandidates = poolCandidates
        self.collected = collected
        self.previous = previous
        self.accepted = accepted
    }
}
