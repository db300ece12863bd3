import Inference

/// Speculative Jacobi decoding's window: guesses for the next positions after the committed
/// text, each with the distribution it was drawn from. After a verified pass, the positions
/// still uncommitted are redrawn from that pass's target rows (which become their q); positions
/// new to the window take a prompt-lookup guess (one-hot q) or, when the text offers none, a
/// draw from the pass's last row. A redraw is conditioned on the guess the target just rejected,
/// so on text it rarely survives; with `lookupLeads`, a continuation the text repeats takes the
/// front of the window instead and redraws fill the positions after it.
///
/// Why this is lossless: each guess is drawn from a distribution fixed before the pass that
/// verifies it (an earlier pass's target row, or a one-hot of a token chosen from the text and
/// the guesses before it), with draws the verification does not reuse. So x_i ~ q_i given all
/// the verifier conditions on, which is what chain speculative sampling needs to emit exactly p.
public struct SpeculativeJacobiWindow: Sendable, Equatable {
    public struct Guess: Sendable, Equatable {
        public var token: TokenID
        /// The distribution `token` was drawn from; nil for a deterministic guess (one-hot q).
        public var proposal: [Double]?
        /// What this position held in the previous iterate; nil when it is new to the window.
        public var previous: TokenID?
        /// Drawn from (at temperature 0: the argmax of) a target row, not looked up in the text.
        public var isFromTarget: Bool

        public init(token: TokenID, proposal: [Double]?, previous: TokenID? = nil, isFromTarget: Bool = false) {
            self.token = token
            self.proposal = proposal
            self.previous = previous
            self.isFromTarget = isFromTarget
        }
    }

    /// Where guesses come from besides the target's rows.
    public struct Guessing: Sendable, Equatable {
        public var lookup: PromptLookupDrafter
        public var lookupLeads: Bool
        /// Argmaxes with one-hot q instead of draws: the temperature-0 iteration.
        public var greedy: Bool

        public init(lookup: PromptLookupDrafter, lookupLeads: Bool, greedy: Bool) {
            self.lookup = lookup
            self.lookupLeads = lookupLeads
            self.greedy = greedy
        }
    }

    public private(set) var guesses: [Guess]

    public init(guesses: [Guess] = []) {
        self.guesses = guesses
    }

    /// The first `limit` guesses as a draft chain after the committed text.
    public func chain(limit: Int) -> DraftTree {
        var nodes: [DraftTree.Node] = []
        var proposals: [[Double]] = []
        for (index, guess) in guesses.prefix(max(0, limit)).enumerated() {
            var proposal: Int?
            if let q = guess.proposal {
                proposal = proposals.count
                proposals.append(q)
            }
            nodes.append(DraftTree.Node(token: guess.token, parent: index == 0 ? nil : index - 1, proposal: proposal))
        }
        return DraftTree(nodes: nodes, proposals: proposals)
    }

    /// Moves to the next iterate of `width` guesses, once a pass over the first `evaluated`
    /// guesses gave `targets` (row i: the target after i guesses) and `committed` tokens joined
    /// the text, now `text`. Returns the redraws as `JacobiGridTrace.next` places them: entry j
    /// came from row j + 1, nil where that position was committed or guessed otherwise.
    @discardableResult
    public mutating func advance(evaluated: Int, committed: Int, targets: [[Double]], text: [TokenID], width: Int,
                                 guessing: Guessing, isCopyable: (TokenID) -> Bool, uniforms: inout some UniformSource) -> [TokenID?] {
        var next: [Guess] = []
        if guessing.lookupLeads, let lead = guessing.lookup.draft(after: text) {
            next = lead.tokens.prefix { isCopyable($0) }.prefix(width).map { Guess(token: $0, proposal: nil) }
        }
        var redraws = [TokenID?](repeating: nil, count: evaluated)
        // Row r predicts the token r + 1 - committed places into the new window.
        for row in (committed + next.count)..<max(committed + next.count, targets.count) where next.count < width {
            let guess = Self.draw(from: targets[row], greedy: guessing.greedy, uniforms: &uniforms)
            next.append(guess)
            if redraws.indices.contains(row - 1) { redraws[row - 1] = guess.token }
        }
        let copied = guessing.lookup.draft(after: text + next.map(\.token))?.tokens.prefix { isCopyable($0) } ?? []
        next += copied.prefix(max(0, width - next.count)).map { Guess(token: $0, proposal: nil) }
        if let last = targets.last {
            while next.count < width { next.append(Self.draw(from: last, greedy: guessing.greedy, uniforms: &uniforms)) }
        }
        let old = guesses.prefix(evaluated)
        for index in next.indices where old.indices.contains(index + committed) {
            next[index].previous = old[index + committed].token
        }
        guesses = next
        return redraws
    }

    /// What the pass over the first `evaluated` guesses did, given the redraws it led to.
    public func grid(evaluated: Int, accepted: Int, redraws: [TokenID?]) -> JacobiGridTrace {
        let used = guesses.prefix(evaluated)
        return JacobiGridTrace(levels: [used.map(\.token)], next: redraws, poolCandidates: [], collected: 0,
                               previous: used.map(\.previous), accepted: accepted)
    }

    private static func draw(from target: [Double], greedy: Bool, uniforms: inout some UniformSource) -> Guess {
        if greedy { return Guess(token: SpeculativeMath.argmax(target), proposal: nil, isFromTarget: true) }
        return Guess(token: TokenID(uniforms.draw(weights: target).index), proposal: target, isFromTarget: true)
    }
}
