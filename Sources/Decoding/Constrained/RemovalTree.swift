/// A categorical distribution that supports drawing and removing tokens in O(log n): a perfect
/// binary tree whose leaves are the weights and whose inner nodes are the sums of their two
/// children. A draw descends from the root choosing left or right with one two-cell uniform
/// draw per level, so its law is exactly weight / total and exact tests can enumerate it.
/// Removing a leaf recomputes its ancestors as sums (never by subtraction), so a subtree whose
/// leaves are all removed weighs exactly zero and is never entered.
struct RemovalTree {
    private var nodes: [Double]
    private let leafCount: Int

    init(weights: [Double]) {
        var leaves = 1
        while leaves < weights.count { leaves *= 2 }
        leafCount = leaves
        nodes = [Double](repeating: 0, count: 2 * leaves)
        for (i, weight) in weights.enumerated() { nodes[leaves + i] = max(weight, 0) }
        for node in stride(from: leaves - 1, to: 0, by: -1) { nodes[node] = nodes[2 * node] + nodes[2 * node + 1] }
    }

    /// The weight not yet removed.
    var total: Double { nodes[1] }

    func weight(of token: Int) -> Double { nodes[leafCount + token] }

    /// A token drawn with probability weight / total; nil when nothing is left.
    func draw(_ random: inout some UniformSource) -> Int? {
        guard total > 0 else { return nil }
        var node = 1
        while node < leafCount {
            node = 2 * node + random.draw(weights: [nodes[2 * node], nodes[2 * node + 1]]).index
        }
        return node - leafCount
    }

    mutating func remove(_ token: Int) {
        var node = leafCount + token
        nodes[node] = 0
        while node > 1 {
            node /= 2
            nodes[node] = nodes[2 * node] + nodes[2 * node + 1]
        }
    }
}
