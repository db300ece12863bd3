/// The ToyModel's sixteen readable tokens; token 0 ends generation.
public struct ToyVocabulary: Vocabulary {
    public static let words = [
        "<end>", " the", " a", " cat", " dog", " bird", " sat", " ran",
        " sang", " on", " under", " mat", " tree", " and", ".", " quietly",
    ]
    public static let endToken: TokenID = 0

    public init() {}

    public var count: Int { Self.words.count }

    public func bytes(of token: TokenID) -> [UInt8] {
        guard let index = Int(exactly: token), Self.words.indices.contains(index), token != Self.endToken else { return [] }
        return Array(Self.words[index].utf8)
    }

    public func isEndOfGeneration(_ token: TokenID) -> Bool { token == Self.endToken }

    public func isControl(_ token: TokenID) -> Bool { token == Self.endToken }

    /// The token spelled exactly `word` (e.g. " cat"), if any.
    public func token(for word: String) -> TokenID? {
        Self.words.firstIndex(of: word).map { TokenID($0) }
    }
}
