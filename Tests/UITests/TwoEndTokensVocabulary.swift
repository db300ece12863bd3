import Inference

/// Like SmolLM2's: two control tokens that both end generation and add no text, and one that
/// does not end it.
struct TwoEndTokensVocabulary: Vocabulary {
    let spellings = ["<|endoftext|>", "<|im_start|>", "<|im_end|>", " yes"]

    var count: Int { spellings.count }
    func bytes(of token: TokenID) -> [UInt8] { isControl(token) ? [] : Array(spellings[Int(token)].utf8) }
    func isEndOfGeneration(_ token: TokenID) -> Bool { token == 0 || token == 2 }
    func isControl(_ token: TokenID) -> Bool { token < 3 }
    func controlSpelling(of token: TokenID) -> String? { isControl(token) ? spellings[Int(token)] : nil }
}
