import Inference

/// The result of verifying a draft tree: a verdict for every node, the accepted path and the one
/// token the target adds after it (from the residual, a greedy correction, or the bonus).
public struct VerificationOutcome: Sendable, Equatable {
    /// One per draft node, same order as the tree.
    public var nodes: [DraftTreeTrace.Node]
    /// Accepted node indices, root to leaf.
    public var acceptedPath: [Int]
    public var finalToken: TracedToken

    public init(nodes: [DraftTreeTrace.Node], acceptedPath: [Int], finalToken: TracedToken) {
        self.nodes = nodes
        self.acceptedPath = acceptedPath
        self.finalToken = finalToken
    }

    /// Accepted drafts followed by the final token: what the round adds to the text.
    public var emittedTokens: [TokenID] {
        acceptedPath.map { nodes[$0].token } + [finalToken.token]
    }
}
