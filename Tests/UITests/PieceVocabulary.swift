import Inference

/// Tokens given as raw bytes, which need not be whole UTF-8 (a piece of a character).
struct PieceVocabulary: Vocabulary {
    let pieces: [[UInt8]]

    var count: Int { pieces.count }
    func bytes(of token: TokenID) -> [UInt8] { pieces[Int(token)] }
    func isEndOfGeneration(_ token: TokenID) -> Bool { false }
    func isControl(_ token: TokenID) -> Bool { false }
    func controlSpelling(of token: TokenID) -> String? { nil }
}
