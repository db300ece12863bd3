/// The vocabulary's text tokens as two tries, built once per tokenizer: tokens made only of
/// plain ASCII (most of a BPE vocabulary, and all a recognizer needs inside free text), and all
/// the others. A state that accepts every plain string up to some length (inside a string or
/// under a maxLength) takes the plain tokens that short with one copy of a precomputed bitset,
/// and the walk is left with the tokens that can still be rejected.
public final class TokenTrie: Sendable {
    public let vocabularySize: Int
    /// Tokens allowed only where the grammar is complete (end of generation).
    public let endTokens: [Int]
    /// Tokens whose every byte is in `plainASCII`.
    let plain: TrieLayout
    /// The other text tokens (control bytes, quotes, backslashes, UTF-8).
    let mixed: TrieLayout
    /// Mask words of the plain tokens of at most n bytes, for n in 0...plain.maxDepth.
    private let plainWordsUpToLength: [[UInt64]]

    /// Printable ASCII but `"` and `\`: what most tokens inside strings and text consist of.
    static let plainASCII: ByteSet = {
        var set = ByteSet(0x20...0x7E)
        set.remove(UInt8(ascii: "\""))
        set.remove(UInt8(ascii: "\\"))
        return set
    }()

    /// - Parameters:
    ///   - tokens: each token id's exact bytes.
    ///   - special: ids that never stand for text (control tokens); left out of every mask
    ///     except as end tokens.
    ///   - endTokens: ids that end generation, allowed exactly when the grammar is complete.
    public init(tokens: [[UInt8]], special: Set<Int>, endTokens: [Int]) {
        vocabularySize = tokens.count
        self.endTokens = endTokens
        let ends = Set(endTokens)
        let text = tokens.indices.filter { !special.contains($0) && !ends.contains($0) && !tokens[$0].isEmpty }.map { (id: $0, bytes: tokens[$0]) }
        let isPlain = { (token: (id: Int, bytes: [UInt8])) in token.bytes.allSatisfy(Self.plainASCII.contains) }
        plain = TrieLayout(text.filter(isPlain))
        mixed = TrieLayout(text.filter { !isPlain($0) })
        var byLength = [[UInt64]](repeating: [UInt64](repeating: 0, count: (tokens.count + 63) / 64), count: plain.maxDepth + 1)
        for token in text where isPlain(token) {
            byLength[token.bytes.count][token.id >> 6] |= 1 << UInt64(token.id & 63)
        }
        for length in byLength.indices.dropFirst() {
            for word in byLength[length].indices { byLength[length][word] |= byLength[length - 1][word] }
        }
        plainWordsUpToLength = byLength
    }

    /// The mask words of every plain token of at most `length` bytes.
    func plainWords(upToLength length: Int) -> [UInt64] {
        plainWordsUpToLength[min(max(length, 0), plain.maxDepth)]
    }

    public var nodeCount: Int { plain.nodeCount + mixed.nodeCount }
}
