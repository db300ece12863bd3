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

    /// Overwrites the row of `token` with the top of the target's distribution after it.
    public mutating func record(_ token: TokenID, next distribution: Distribution, vocabularySize: Int) {
        guard token >= 0, Int(token) < vocabularySize else { return }
        if storage.count < vocabularySize * candidatesPerToken {
            storage = [TokenID](repeating: Self.empty, count: vocabularySize * candidatesPerToken)
        }
        let start = Int(token) * candidatesPerToken
        let top = distribution.top(candidatesPerToken).map(\.token)
        for i in 0..<candidatesPerToken { storage[start + i] = i < top.count ? top[i] : Self.empty }
    }
}
