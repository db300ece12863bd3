import Inference

/// ASAp's persistent trie (Park et al., NeurIPS 2024): every prefix visited by earlier samples
/// with an over-approximation ẼFG of its expected future grammaticality, the probability that
/// the model's continuation of it ends in the language. A prefix never visited counts as 1;
/// a visited one is Σ_{t allowed} P(t | w) · ẼFG(w·t), recomputed up to the root whenever a
/// descendant is refined, so the estimates only decrease towards the true values.
///
/// A node keeps the allowed mass Σ P(t | w) and the deficit Σ P(c)(1 − ẼFG(c)) over its
/// created children c, so ẼFG(w) = mass − deficit without storing every allowed child.
struct AlignmentTrie {
    struct Node {
        var parent: Int?
        /// P(token | parent) under the model's tempered, unmasked softmax.
        var probability: Double
        /// Σ of P over the tokens allowed here; nil until the node is visited.
        var allowedMass: Double?
        var deficit = 0.0
        var estimate = 1.0
        var children: [TokenID: Int] = [:]
    }

    static let root = 0
    private(set) var nodes = [Node(parent: nil, probability: 1)]
    /// Samples that reached their end (end token or length limit) with this trie.
    private(set) var completedSamples = 0

    /// ẼFG of the child `token` of `node`: 1 until that child has been visited.
    func estimate(ofChild token: TokenID, of node: Int) -> Double {
        nodes[node].children[token].map { nodes[$0].estimate } ?? 1
    }

    /// The estimates of the children of `node` that have been created.
    func childEstimates(of node: Int) -> [TokenID: Double] {
        nodes[node].children.mapValues { nodes[$0].estimate }
    }

    /// Records the allowed mass of a node being visited (the same every time: the model is
    /// deterministic) and propagates its estimate to the root.
    mutating func visit(_ node: Int, allowedMass: Double) {
        guard nodes[node].allowedMass == nil else { return }
        nodes[node].allowedMass = allowedMass
        refresh(node)
    }

    /// The child of `node` for `token`, created with P(token | node) when new.
    mutating func child(_ token: TokenID, of node: Int, probability: Double) -> Int {
        if let existing = nodes[node].children[token] { return existing }
        nodes.append(Node(parent: node, probability: probability))
        nodes[node].children[token] = nodes.count - 1
        return nodes.count - 1
    }

    mutating func recordCompletedSample() {
        completedSamples += 1
    }

    /// Recomputes a node from its mass and deficit, then each ancestor from the change.
    private mutating func refresh(_ start: Int) {
        var node = start
        while let mass = nodes[node].allowedMass {
            let updated = max(0, mass - nodes[node].deficit)
            let change = nodes[node].estimate - updated
            nodes[node].estimate = updated
            guard change != 0, let parent = nodes[node].parent else { return }
            nodes[parent].deficit += nodes[node].probability * change
            node = parent
        }
    }
}
