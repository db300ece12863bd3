/// The token side of a model: ids to exact bytes, and which ids are special.
public protocol Vocabulary: Sendable {
    var count: Int { get }
    /// The exact bytes a token stands for when detokenized (may be part of a UTF-8 character).
    func bytes(of token: TokenID) -> [UInt8]
    /// True for tokens that end generation (EOS, end-of-turn).
    func isEndOfGeneration(_ token: TokenID) -> Bool
    /// True for control/special tokens that never occur inside ordinary text.
    func isControl(_ token: TokenID) -> Bool
}
