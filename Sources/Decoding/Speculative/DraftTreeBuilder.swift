import Inference

/// Grows a draft tree as a trie: a token asked for twice under the same parent is one node, so
/// paths from several draft sources (n-gram pool, Jacobi window, adjacency rows) share their
/// common prefixes and siblings stay distinct. Nodes deeper than `maxDepth` are not added.
public struct DraftTreeBuilder: Sendable {
    public let maxDepth: Int
    public private(set) var nodes: [DraftTree.Node] = []
    private var depths: [Int] = []
    private var childIndex: [ChildKey: Int] = [:]

    private struct ChildKey: Hashable, Sendable {
        var parent: Int?
        var token: TokenID
    }

    public init(maxDepth: Int) {
        self.maxDepth = maxDepth
    }

    public var tree: DraftTree { DraftTree(nodes: nodes) }

    public func depth(of node: Int?) -> Int { node.map { depths[$0] } ?? 0 }

    /// The node for `token` under `parent` (nil: the committed text), added if new; nil when it
    /// would be deeper than `maxDepth`.
    public mutating func child(of parent: Int?, token: TokenID) -> Int? {
        let key = ChildKey(parent: parent, token: token)
        if let existing = childIndex[key] { return existing }
        let depth = depth(of: parent) + 1
        guard depth <= maxDepth else { return nil }
        nodes.append(DraftTree.Node(token: token, parent: parent, proposal: nil))
        depths.append(depth)
        childIndex[key] = nodes.count - 1
        return nodes.count - 1
    }

    /// Adds `tokens` as a chain under `parent`; returns the node of every token that fit.
    @discardableResult
    public mutating func insert(_ tokens: some Sequence<TokenID>, under parent: Int? = nil) -> [Int] {
        var added: [Int] = []
        var current = parent
        for token in tokens {
            guard let node = child(of: current, token: token) else { break }
            added.append(node)
            current = node
        }
        return added
    }
}
