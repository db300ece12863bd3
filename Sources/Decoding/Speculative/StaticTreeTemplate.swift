import Foundation
import Inference

/// The fixed shape of Token Recycling's draft tree: each node is "the candidate of this rank
/// after my parent's token". The shape maximises the expected accepted length under a fixed
/// per-rank acceptance guess (`rankAcceptance`): nodes are taken best first by the product of
/// the guesses along their path, which makes the tree wide near the root with a long spine of
/// first-ranked candidates, like the hand-made template of the Token Recycling paper.
public struct StaticTreeTemplate: Sendable, Equatable {
    public struct Node: Sendable, Equatable {
        /// Index of the parent template node, nil for children of the last committed token.
        public var parent: Int?
        /// Which candidate of the parent's adjacency row this node takes (0: the best).
        public var rank: Int

        public init(parent: Int?, rank: Int) {
            self.parent = parent
            self.rank = rank
        }
    }

    public let nodes: [Node]

    /// Guessed chance that the target's next token is the rank-r candidate of the row: rank 0
    /// is right a bit over half the time, later ranks fall off steeply.
    public static func rankAcceptance(_ rank: Int) -> Double {
        0.6 / pow(Double(rank + 1), 1.5)
    }

    /// A hand-made shape; parents must come before their children.
    public init(nodes: [Node]) {
        precondition(nodes.indices.allSatisfy { i in nodes[i].parent.map { $0 < i } ?? true }, "parents come before children")
        self.nodes = nodes
    }

    /// The `size` best nodes over ranks below `maxRank`, parents before children.
    public init(size: Int, maxRank: Int) {
        struct Candidate {
            var parent: Int?
            var rank: Int
            var score: Double
        }
        var nodes: [Node] = []
        var scores: [Double] = []
        var candidates = [Candidate(parent: nil, rank: 0, score: Self.rankAcceptance(0))]
        while nodes.count < size, let best = candidates.indices.max(by: { candidates[$0].score < candidates[$1].score }) {
            let taken = candidates.remove(at: best)
            nodes.append(Node(parent: taken.parent, rank: taken.rank))
            scores.append(taken.score)
            let parentScore = taken.parent.map { scores[$0] } ?? 1
            // Its first child, and its next sibling, are the only new nodes that can come next.
            candidates.append(Candidate(parent: nodes.count - 1, rank: 0, score: taken.score * Self.rankAcceptance(0)))
            if taken.rank + 1 < maxRank {
                candidates.append(Candidate(parent: taken.parent, rank: taken.rank + 1, score: parentScore * Self.rankAcceptance(taken.rank + 1)))
            }
        }
        self.nodes = nodes
    }

    /// The template filled from candidate rows hanging off `last`: a node takes the candidate of
    /// its rank from its parent token's row. A node whose row is too short is left out with its
    /// subtree, and so is anything deeper than `maxDepth`.
    public func fill(after last: TokenID, maxDepth: Int, rows: (TokenID) -> ArraySlice<TokenID>) -> DraftTree {
        var builder = DraftTreeBuilder(maxDepth: maxDepth)
        var placed: [Int?] = []
        for node in nodes {
            var parent: Int? = nil
            if let templateParent = node.parent {
                guard let placedParent = placed[templateParent] else {
                    placed.append(nil)
                    continue
                }
                parent = placedParent
            }
            let row = rows(parent.map { builder.nodes[$0].token } ?? last)
            placed.append(node.rank < row.count ? builder.child(of: parent, token: row[row.startIndex + node.rank]) : nil)
        }
        return builder.tree
    }

    /// Nodes per depth, for the label and tests.
    public var levelSizes: [Int] {
        var depths: [Int] = []
        for node in nodes { depths.append(node.parent.map { depths[$0] + 1 } ?? 1) }
        let deepest = depths.max() ?? 0
        return (0..<deepest).map { level in depths.filter { $0 == level + 1 }.count }
    }
}
