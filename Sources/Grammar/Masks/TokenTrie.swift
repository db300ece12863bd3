/// The vocabulary's byte strings as a trie flattened in preorder, so a mask is one forward pass
/// that shares every common prefix and skips a whole subtree when its prefix is rejected.
public final class TokenTrie: Sendable {
    public let vocabularySize: Int
    /// Tokens allowed only where the grammar is complete (end of generation).
    public let endTokens: [Int]
    /// Per node (preorder, the root excluded): its byte, its depth (1 = a first byte), and the
    /// index just past its subtree.
    let bytes: [UInt8]
    let depths: [UInt16]
    let skips: [Int32]
    /// Tokens ending at node i are tokenIDs[tokenStarts[i]..<tokenStarts[i+1]]; those in its
    /// whole subtree are tokenIDs[tokenStarts[i]..<tokenStarts[skips[i]]].
    let tokenStarts: [Int32]
    let tokenIDs: [Int32]
    /// Every byte on any path strictly below node i: when a state loops on all of them, the
    /// whole subtree is allowed without walking it.
    let descendantBytes: [ByteSet]
    /// How many bytes the longest path below node i has (0 for a leaf).
    let subtreeHeights: [UInt16]
    let maxDepth: Int

    /// - Parameters:
    ///   - tokens: each token id's exact bytes.
    ///   - special: ids that never stand for text (control tokens); left out of every mask
    ///     except as end tokens.
    ///   - endTokens: ids that end generation, allowed exactly when the grammar is complete.
    public init(tokens: [[UInt8]], special: Set<Int>, endTokens: [Int]) {
        vocabularySize = tokens.count
        self.endTokens = endTokens
        let textTokens = tokens.indices.filter { !special.contains($0) && !endTokens.contains($0) && !tokens[$0].isEmpty }
        let sorted = textTokens.sorted { tokens[$0].lexicographicallyPrecedes(tokens[$1]) }
        var bytes: [UInt8] = []
        var depths: [UInt16] = []
        var tokenStarts: [Int32] = []
        var tokenIDs: [Int32] = []
        var path: [UInt8] = []
        for token in sorted {
            let text = tokens[token]
            let shared = zip(path, text).prefix { $0 == $1 }.count
            path = text
            for depth in shared..<text.count {
                bytes.append(text[depth])
                depths.append(UInt16(depth + 1))
                tokenStarts.append(Int32(tokenIDs.count))
            }
            // Equal byte strings (shared == count) land on the node already made.
            tokenIDs.append(Int32(token))
        }
        tokenStarts.append(Int32(tokenIDs.count))
        // Tokens were appended after their node's start, so start[i+1] closes node i's list;
        // a token's node is the last one created when it was added.
        var skips = [Int32](repeating: Int32(bytes.count), count: bytes.count)
        var open: [Int] = []
        for node in bytes.indices {
            while let last = open.last, depths[last] >= depths[node] {
                skips[last] = Int32(node)
                open.removeLast()
            }
            open.append(node)
        }
        var descendantBytes = [ByteSet](repeating: ByteSet(), count: bytes.count)
        var subtreeHeights = [UInt16](repeating: 0, count: bytes.count)
        for node in bytes.indices.reversed() {
            var child = node + 1
            while child < Int(skips[node]) {
                descendantBytes[node].insert(bytes[child])
                descendantBytes[node].formUnion(descendantBytes[child])
                subtreeHeights[node] = max(subtreeHeights[node], subtreeHeights[child] + 1)
                child = Int(skips[child])
            }
        }
        self.descendantBytes = descendantBytes
        self.subtreeHeights = subtreeHeights
        self.bytes = bytes
        self.depths = depths
        self.skips = skips
        self.tokenStarts = tokenStarts
        self.tokenIDs = tokenIDs
        maxDepth = Int(depths.max() ?? 0)
    }

    public var nodeCount: Int { bytes.count }
}
