import Inference

/// Token Recycling's memory: for every token, the target's top candidates for the token after
/// it, as last seen when the target evaluated that token. Rows start empty and are overwritten
/// whole; the matrix lives as long as its strategy, so later prompts start warm.
public struct AdjacencyMatrix: Sendable, Equatable {
    public let candidatesPerToken: Int
    private var storage: [TokenID] = []
    private static let empty: TokenID = -1

    public init(candidatesPerToken: Int) {
        self.candidatesPerToken = max(1, candidatesPerToken)
    }

    /// The recorded candidates after `token`, best first; empty if it was never evaluated.
    public func row(_ token: TokenID) -> ArraySlice<TokenID> {
        let start = Int(token) * candidatesPerToken
        guard token >= 0, start + candidatesPerToken <= storage.count else { return [] }
        let row = storage[start..<(start + candidatesPerToken)]
        return row.prefix { $0 != Self.empty }
    }

    /// Overwrites the row of `token` with the top of the target's distribution after it, read
    /// from its logits (the same tokens, without a softmax over the vocabulary).
    public mutating func record(_ token: TokenID, nextLogits logits: ArraySlice<Float>, vocabularySize: Int) {
        record(token, candidates: Distribution.topTokens(ofLogits: logits, count: candidatesPerToken), vocabularySize: vocabularySize)
    }

    /// Fills the rows that are still empty with what followed each token in `text`, most
    /// recent first: a free warm start the target's own predictions overwrite as it sees them.
    public mutating func recordFollowers(in text: [TokenID], vocabularySize: Int) {
        var followers: [TokenID: [TokenID]] = [:]
        for i in stride(from: text.count - 2, through: 0, by: -1) where row(text[i]).isEmpty {
            var list = followers[text[i], default: []]
            if list.count < candidatesPerToken, !list.contains(text[i + 1]) { list.append(text[i + 1]) }
            followers[text[i]] = list
        }
        for (token, list) in followers { record(token, candidates: list, vocabularySize: vocabularySize) }
    }

    /// Overwrites the row of `token` with `candidates`, best first (extra ones are dropped).
    public mutating func record(_ token: TokenID, candidates: [TokenID], vocabularySize: Int) {
        guard token >= 0, Int(token) < vocabularySize else { return }
        if storage.count < vocabularySize * candidatesPerToken {
            storage = [TokenID](repeating: Self.empty, count: vocabularySize * candidatesPerToken)
        }
        let start = Int(token) * candidatesPerToken
        for i in 0..<candidatesPerToken { storage[start + i] = i < candidates.count ? candidates[i] : Self.empty }
    }
}
