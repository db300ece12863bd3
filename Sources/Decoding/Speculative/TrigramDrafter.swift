import Inference

/// Drafts from a `TrigramTable` as a small tree grown best first: every node's estimate is the
/// product of the table's estimates along its path, and the `size` best nodes (at most
/// `maxDepth` deep) whose estimate reaches `threshold` are kept. A confident table yields a
/// long chain, an unsure one a few siblings near the root or nothing. This is the
/// exploitation half of ADED's tree search; its exploration term is left out because every
/// node costs a verified row.
public struct TrigramDrafter: Sendable, Equatable {
    public var size: Int
    public var maxDepth: Int
    /// Lowest path estimate worth a verified row.
    public var threshold: Double
    /// Continuations looked at per node.
    public var width: Int

    public init(size: Int, maxDepth: Int, threshold: Double = 0, width: Int = 4) {
        self.size = max(0, size)
        self.maxDepth = max(0, maxDepth)
        self.threshold = threshold
        self.width = max(1, width)
    }

    private struct Candidate {
        var parent: Int?
        var previous: TokenID?
        var last: TokenID
        var token: TokenID
        /// Chance of acceptance once the parent is accepted.
        var estimate: Double
        /// Chance of the whole path being accepted.
        var path: Double
    }

    /// The tree after `text`, at most `limit` deep, with each node's chance of acceptance once
    /// its parent is accepted: the table's estimate times `trust` (an `EstimateCalibration`).
    /// Control tokens are never drafted (a chat template's markers are rarely what the target
    /// writes next).
    public func draft(after text: [TokenID], table: TrigramTable, limit: Int, vocabulary: any Vocabulary,
                      trust: Double = 1) -> (tree: DraftTree, estimates: [Double]) {
        var builder = DraftTreeBuilder(maxDepth: min(maxDepth, limit))
        var estimates: [Double] = []
        guard let last = text.last else { return (builder.tree, estimates) }
        var candidates: [Candidate] = []
        func expand(_ parent: Int?, previous: TokenID?, last: TokenID, path: Double) {
            for next in table.continuations(after: previous, last, limit: width) where !vocabulary.isControl(next.token) {
                let estimate = trust * next.estimate
                guard path * estimate >= threshold else { continue }
                candidates.append(Candidate(parent: parent, previous: previous, last: last, token: next.token, estimate: estimate, path: path * estimate))
            }
        }
        expand(nil, previous: text.count >= 2 ? text[text.count - 2] : nil, last: last, path: 1)
        while builder.nodes.count < size, let best = candidates.indices.max(by: { candidates[$0].path < candidates[$1].path }) {
            let taken = candidates.remove(at: best)
            guard let node = builder.child(of: taken.parent, token: taken.token) else { continue }
            estimates.append(taken.estimate)
            expand(node, previous: taken.last, last: taken.token, path: taken.path)
        }
        return (builder.tree, estimates)
    }
}
