/// The token side of a model: ids to exact bytes, and which ids are special.
public protocol Vocabulary: Sendable {
    var count: Int { get }
    /// The exact bytes a token stands for when detokenized (may be part of a UTF-8 character).
    func bytes(of token: TokenID) -> [UInt8]
    /// True for tokens that end generation (EOS, end-of-turn).
    func isEndOfGeneration(_ token: TokenID) -> Bool
    /// True for control/special tokens that never occur inside ordinary text.
    func isControl(_ token: TokenID) -> Bool
    /// How a control token is spelled (`<|im_end|>`), so two of them can be told apart on
    /// screen; nil for other tokens and for vocabularies that do not know.
    func controlSpelling(of token: TokenID) -> String?
}

extension Vocabulary {
    public func controlSpelling(of token: TokenID) -> String? { nil }
}
