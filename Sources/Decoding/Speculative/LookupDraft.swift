import Inference

/// What prompt lookup proposed: the copied tokens and where they were found, so the screen can
/// highlight the matched n-gram and the span it copied.
public struct LookupDraft: Sendable, Equatable {
    public var tokens: [TokenID]
    /// Length of the n-gram that matched the end of the context.
    public var ngramSize: Int
    /// Context index of the earlier occurrence of that n-gram; the draft starts right after it.
    public var matchStart: Int

    public init(tokens: [TokenID], ngramSize: Int, matchStart: Int) {
        self.tokens = tokens
        self.ngramSize = ngramSize
        self.matchStart = matchStart
    }
}
