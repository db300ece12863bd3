/// Byte strings as a trie flattened in preorder, so a mask is one forward pass that shares every
/// common prefix and skips a whole subtree when its prefix is rejected.
struct TrieLayout: Sendable {
    /// Per node (preorder, the root excluded): its byte, its depth (1 = a first byte), and the
    /// index just past its subtree.
    let bytes: [UInt8]
    let depths: [UInt16]
    let skips: [Int32]
    /// Tokens ending at node i are tokenIDs[tokenStarts[i]..<tokenStarts[i+1]]; those in its
    /// whole subtree are tokenIDs[tokenStarts[i]..<tokenStarts[skips[i]]].
    let tokenStarts: [Int32]
    let tokenIDs: [Int32]
    /// Every byte on any path strictly below node i, as an index into `byteSets` (few sets
    /// repeat over many nodes; 4 bytes a node keeps the walk's data in cache): when a state
    /// loops on all of them, the whole subtree is allowed without walking it.
    let descendantBytes: [UInt32]
    let byteSets: [ByteSet]
    /// How many bytes the longest path below node i has (0 for a leaf).
    let subtreeHeights: [UInt16]
    let maxDepth: Int
    /// The bytes that start a token.
    let firstBytes: ByteSet

    /// - Parameter tokens: token ids with their (non-empty) bytes.
    init(_ tokens: [(id: Int, bytes: [UInt8])]) {
        let sorted = tokens.sorted { $0.bytes.lexicographicallyPrecedes($1.bytes) }
        var bytes: [UInt8] = []
        var depths: [UInt16] = []
        var tokenStarts: [Int32] = []
        var tokenIDs: [Int32] = []
        var path: [UInt8] = []
        for token in sorted {
            let text = token.bytes
            let shared = zip(path, text).prefix { $0 == $1 }.count
            path = text
            for depth in shared..<text.count {
                bytes.append(text[depth])
                depths.append(UInt16(depth + 1))
                tokenStarts.append(Int32(tokenIDs.count))
            }
            // Equal byte strings (shared == count) land on the node already made.
            tokenIDs.append(Int32(token.id))
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
        var setIndex: [ByteSet: UInt32] = [:]
        var byteSets: [ByteSet] = []
        self.descendantBytes = descendantBytes.map { set in
            if let known = setIndex[set] { return known }
            byteSets.append(set)
            setIndex[set] = UInt32(byteSets.count - 1)
            return UInt32(byteSets.count - 1)
        }
        self.byteSets = byteSets
        self.subtreeHeights = subtreeHeights
        self.bytes = bytes
        self.depths = depths
        self.skips = skips
        self.tokenStarts = tokenStarts
        self.tokenIDs = tokenIDs
        maxDepth = Int(depths.max() ?? 0)
        var firstBytes = ByteSet()
        for node in bytes.indices where depths[node] == 1 { firstBytes.insert(bytes[node]) }
        self.firstBytes = firstBytes
    }

    var nodeCount: Int { bytes.count }
}
