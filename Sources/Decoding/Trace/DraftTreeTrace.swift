import Inference

/// A speculative step: the drafted tree and how the target judged each node.
public struct DraftTreeTrace: Sendable, Codable, Equatable {
    public enum Verdict: String, Sendable, Codable {
        case accepted, rejected
        /// Not reached: an ancestor or earlier sibling decided the step first.
        case untested
    }

    public struct Node: Sendable, Codable, Equatable {
        public var token: TokenID
        /// Index of the parent node in `nodes`, nil for children of the committed text.
        public var parent: Int?
        /// Target probability of this token (after the sampler chain).
        public var p: Double
        /// Draft probability, nil for deterministic drafts (n-gram, lookup, Jacobi guesses).
        public var q: Double?
        /// The uniform draw compared against `min(1, p/q)`, when one was drawn.
        public var r: Double?
        public var verdict: Verdict
        /// On rejection: the top of the residual distribution `norm(max(0, p - q))` that the
        /// replacement token came from.
        public var residualTop: [TokenProbability]

        public init(token: TokenID, parent: Int?, p: Double, q: Double?, r: Double?, verdict: Verdict, residualTop: [TokenProbability] = []) {
            self.token = token
            self.parent = parent
            self.p = p
            self.q = q
            self.r = r
            self.verdict = verdict
            self.residualTop = residualTop
        }

        /// The importance ratio p/q (nil without q, infinite when q is 0).
        public var ratio: Double? {
            guard let q else { return nil }
            return q > 0 ? p / q : .infinity
        }
    }

    public var nodes: [Node]
    /// Node indices of the accepted root-to-leaf path.
    public var acceptedPath: [Int]
    /// What drafted the tree ("early exit @ layer 8", "prompt lookup 3-gram", ...).
    public var drafter: String
    /// The Jacobi window behind the tree, for lookahead decoding; nil for other drafters.
    public var jacobi: JacobiGridTrace?

    public init(nodes: [Node], acceptedPath: [Int], drafter: String, jacobi: JacobiGridTrace? = nil) {
        self.nodes = nodes
        self.acceptedPath = acceptedPath
        self.drafter = drafter
        self.jacobi = jacobi
    }
}
