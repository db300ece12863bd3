import Inference

/// Drafted tokens waiting for the target's verdict: a chain or a tree hanging off the committed
/// text. Nodes are in breadth-first order (parents before children) as the runtime evaluates them.
public struct DraftTree: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        public var token: TokenID
        /// Index of the parent node, nil for children of the committed text.
        public var parent: Int?
        /// Index into `proposals` of the draft distribution this token was drawn from; nil for a
        /// deterministic draft (lookup, n-gram, Jacobi guess), whose q is one-hot.
        public var proposal: Int?

        public init(token: TokenID, parent: Int?, proposal: Int?) {
            self.token = token
            self.parent = parent
            self.proposal = proposal
        }
    }

    public var nodes: [Node]
    /// Draft distributions over the vocabulary; siblings drawn from the same q share one entry.
    public var proposals: [[Double]]

    public init(nodes: [Node], proposals: [[Double]] = []) {
        precondition(nodes.indices.allSatisfy { i in nodes[i].parent.map { $0 < i } ?? true }, "parents come before children")
        precondition(nodes.allSatisfy { $0.proposal.map(proposals.indices.contains) ?? true }, "proposal index out of range")
        self.nodes = nodes
        self.proposals = proposals
    }

    /// A chain of deterministic drafts.
    public static func chain(_ tokens: [TokenID]) -> DraftTree {
        DraftTree(nodes: tokens.indices.map { Node(token: tokens[$0], parent: $0 == 0 ? nil : $0 - 1, proposal: nil) })
    }

    /// A chain of sampled drafts, token i drawn from `proposals[i]`.
    public static func chain(_ tokens: [TokenID], proposals: [[Double]]) -> DraftTree {
        precondition(tokens.count == proposals.count, "one draft distribution per drafted token")
        return DraftTree(
            nodes: tokens.indices.map { Node(token: tokens[$0], parent: $0 == 0 ? nil : $0 - 1, proposal: $0) },
            proposals: proposals)
    }

    public var isEmpty: Bool { nodes.isEmpty }

    /// The first `count` nodes, still a tree since parents come first: what fits in the room
    /// left in the model's context.
    public func prefix(_ count: Int) -> DraftTree {
        count >= nodes.count ? self : DraftTree(nodes: Array(nodes.prefix(max(0, count))), proposals: proposals)
    }

    /// Children of a node (nil: of the committed text), in drafting order.
    public func children(of parent: Int?) -> [Int] {
        nodes.indices.filter { nodes[$0].parent == parent }
    }

    /// Distance from the committed text: 1 for its children.
    public func depth(of node: Int) -> Int {
        var depth = 1
        var current = nodes[node].parent
        while let parent = current {
            depth += 1
            current = nodes[parent].parent
        }
        return depth
    }

    /// Node indices from the committed text down to `node`, inclusive.
    public func path(to node: Int) -> [Int] {
        var path = [node]
        while let parent = nodes[path[0]].parent { path.insert(parent, at: 0) }
        return path
    }

    /// The evaluation batch for this tree: the committed tokens the cache lacks (`pending`,
    /// the first at position `keep`) followed by every node after its parent, siblings sharing
    /// a position.
    public func batch(pending: [TokenID], startingAt keep: Int) -> [BatchToken] {
        var batch = BatchToken.chain(pending, startingAt: keep)
        var depths: [Int] = []
        for node in nodes {
            let depth = node.parent.map { depths[$0] + 1 } ?? 1
            depths.append(depth)
            let parentRow = node.parent.map { $0 + pending.count } ?? pending.count - 1
            batch.append(BatchToken(token: node.token, position: keep + pending.count + depth - 1, parent: parentRow))
        }
        return batch
    }

    /// The draft distribution a node was drawn from.
    public func proposal(of node: Int) -> [Double]? {
        nodes[node].proposal.map { proposals[$0] }
    }

    /// Node i as the trace shows it, judged against `target`, the distribution at its parent.
    public func traceNode(_ i: Int, target: [Double], r: Double?, verdict: DraftTreeTrace.Verdict) -> DraftTreeTrace.Node {
        let node = nodes[i]
        return DraftTreeTrace.Node(
            token: node.token, parent: node.parent,
            p: SpeculativeMath.probability(of: node.token, in: target),
            q: proposal(of: i).map { SpeculativeMath.probability(of: node.token, in: $0) },
            r: r, verdict: verdict)
    }
}
