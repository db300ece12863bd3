import Inference

/// A small fixed vocabulary for widget tests; the last token ends generation.
struct TestVocabulary: Vocabulary {
    let pieces: [String]

    init(_ pieces: [String] = [" the", " cat", " sat", " on", " a", " mat", ".", "\n", " dog", "漢字", "<|end|>"]) {
        self.pieces = pieces
    }

    var count: Int { pieces.count }
    func bytes(of token: TokenID) -> [UInt8] { pieces.indices.contains(Int(token)) ? Array(pieces[Int(token)].utf8) : [] }
    func isEndOfGeneration(_ token: TokenID) -> Bool { Int(token) == pieces.count - 1 }
    func isControl(_ token: TokenID) -> Bool { Int(token) == pieces.count - 1 }
}
