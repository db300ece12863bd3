import Grammar
import Inference
import Synchronization

/// A vocabulary as the constraint sees it: each token's bytes, which tokens are control or end
/// tokens, and the trie of the text tokens for full masks. Building the trie takes a noticeable
/// moment on a real vocabulary, so one is kept per distinct vocabulary for the whole process
/// and switching strategies (or restarting) reuses it.
final class TokenVocabulary: Sendable {
    let tokenBytes: [[UInt8]]
    let control: Set<Int>
    let endTokens: [Int]
    let trie: TokenTrie

    private init(tokenBytes: [[UInt8]], control: Set<Int>, endTokens: [Int]) {
        self.tokenBytes = tokenBytes
        self.control = control
        self.endTokens = endTokens
        trie = TokenTrie(tokens: tokenBytes, special: control, endTokens: endTokens)
    }

    var count: Int { tokenBytes.count }

    func isEnd(_ token: Int) -> Bool { endTokens.contains(token) }

    /// A token that may appear inside the grammar's text: not control, not end, not empty.
    func isText(_ token: Int) -> Bool {
        tokenBytes.indices.contains(token) && !control.contains(token) && !isEnd(token) && !tokenBytes[token].isEmpty
    }

    /// The shared instance for a vocabulary with exactly these tokens and flags.
    static func shared(for vocabulary: any Vocabulary) -> TokenVocabulary {
        let ids = (0..<vocabulary.count).map { TokenID($0) }
        let bytes = ids.map(vocabulary.bytes(of:))
        let control = Set(ids.filter(vocabulary.isControl).map(Int.init))
        let ends = ids.filter(vocabulary.isEndOfGeneration).map(Int.init)
        if let known = cache.withLock({ entries in
            entries.first { $0.endTokens == ends && $0.control == control && $0.tokenBytes == bytes }
        }) {
            return known
        }
        let built = TokenVocabulary(tokenBytes: bytes, control: control, endTokens: ends)
        cache.withLock { entries in
            entries.append(built)
            if entries.count > cacheLimit { entries.removeFirst() }
        }
        return built
    }

    /// A process runs one model, plus small test vocabularies.
    private static let cacheLimit = 4
    private static let cache = Mutex<[TokenVocabulary]>([])
}
