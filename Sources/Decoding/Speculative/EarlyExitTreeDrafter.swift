import Inference

/// Self-speculation with a token tree: the first `exitLayer` layers propose `width` children for
/// each expanded node, and at every depth the `width` children with the highest draft
/// probability of their whole path are expanded further (a dynamic tree in the manner of
/// EAGLE-2). Each depth costs one shallow pass over the tree so far.
///
/// At temperature 0 the children are the exit layer's top `width` tokens; otherwise they are
/// drawn from the draft distribution q as `drawing` says, which is what the verifier must be
/// told: SpecInfer's rule is exact only for independent siblings, RSD's masked rule only for
/// siblings drawn without replacement (reference Card 3b, bug fixture). A fixed top-k is
/// neither, so sampled runs never use it.
public struct EarlyExitTreeDrafter: Sendable, Equatable {
    public var exitLayer: Int
    public var width: Int
    public var depth: Int
    public var drawing: SiblingDrawing

    public init(exitLayer: Int, width: Int, depth: Int, drawing: SiblingDrawing) {
        self.exitLayer = max(1, exitLayer)
        self.width = max(1, width)
        self.depth = max(0, depth)
        self.drawing = drawing
    }

    /// Drafts a tree at most `min(depth, limit)` deep after `context.tokens`; the model cache
    /// must hold exactly the first `keep` tokens.
    public func draft(context: DecodingContext, keep: Int, chain: SamplerChain, limit: Int) throws -> DraftTree {
        let text = context.tokens
        let pending = Array(text[keep...])
        let exit = EarlyExitDrafter.usableExitLayer(exitLayer, on: context.model)
        var nodes: [DraftTree.Node] = []
        var proposals: [[Double]] = []
        var pathProbability: [Double] = []
        var frontier: [Int?] = [nil]
        var level = 0
        // Every pass evaluates the pending tokens and the whole tree so far: it must fit.
        let room = context.model.contextLength - text.count
        while level < min(depth, limit), !frontier.isEmpty {
            level += 1
            let grown = DraftTree(nodes: nodes, proposals: proposals)
            let batch = grown.batch(pending: pending, startingAt: keep)
            let rows = frontier.map { $0.map { $0 + pending.count } ?? pending.count - 1 }
            let logits = try context.evaluate(batch, options: EvaluationOptions(outputRows: .rows(rows), exitLayer: exit), isDraft: true)
            var children: [Int] = []
            for (row, parent) in frontier.enumerated() {
                let path = parent.map { grown.path(to: $0).map { nodes[$0].token } } ?? []
                let result = chain.run(logits: logits.row(row), history: text + path)
                // At temperature 0 the final q is one-hot; the raw exit softmax ranks the siblings.
                let q = SpeculativeMath.dense(chain.settings.isGreedy ? result.raw : result.final, vocabularySize: logits.vocabularySize)
                let tokens = chain.settings.isGreedy
                    ? SpeculativeMath.top(width, of: q).map(\.token)
                    : drawing.draw(width, from: q, uniforms: &context.random)
                proposals.append(q)
                let base = parent.map { pathProbability[$0] } ?? 1
                for token in tokens where nodes.count < room {
                    nodes.append(DraftTree.Node(token: token, parent: parent, proposal: proposals.count - 1))
                    pathProbability.append(base * SpeculativeMath.probability(of: token, in: q))
                    children.append(nodes.count - 1)
                }
            }
            frontier = children
                .filter { !context.vocabulary.isEndOfGeneration(nodes[$0].token) }
                .sorted { pathProbability[$0] > pathProbability[$1] }
                .prefix(width)
                .map { $0 }
        }
        return DraftTree(nodes: nodes, proposals: proposals)
    }
}
