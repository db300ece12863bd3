import Inference

/// Lookahead decoding: one target pass both advances a Jacobi window of guesses (whose column
/// trajectories become n-grams in a pool) and verifies the pool's n-grams that start with the
/// last committed token. The pool starts with the prompt's n-grams and also takes those of the
/// committed text. Window and pool share one tree, so a window guess that happens to be right
/// is accepted too. Deterministic drafts: greedy matching at temperature 0, one-hot rejection
/// otherwise, so the output is exactly the target's.
public struct LookaheadStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "lookahead", family: .speculative, lossless: true,
        description: "Jacobi iteration over a guess window feeds an n-gram pool; pool n-grams are verified in the same pass",
        parameters: DecodingParameters.samplerParameters + [
            SpeculativeParameters.lookaheadNgram, windowWidth, SpeculativeParameters.poolSize,
        ])

    private static let windowWidth = SpeculativeParameters.windowWidth.defaulting(to: 2)
    public var descriptor: StrategyDescriptor { Self.descriptor }
    private let ngramSize: Int
    private let width: Int
    private let poolSize: Int
    private let round: SpeculativeRound
    private var pool: NgramPool
    private var window: JacobiWindow?

    public init(parameters: DecodingParameters) {
        ngramSize = max(2, SpeculativeParameters.lookaheadNgram.integer(in: parameters))
        // Small by default: on a CPU every extra row of the verify batch costs nearly a token.
        width = Self.windowWidth.integer(in: parameters)
        poolSize = SpeculativeParameters.poolSize.integer(in: parameters)
        pool = NgramPool(capacity: poolSize)
        round = SpeculativeRound(chain: SamplerChain(settings: parameters.sampler))
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        let text = context.tokens
        var window: JacobiWindow
        if let current = self.window, context.generatedCount > 0 {
            window = current
        } else {
            pool = NgramPool(capacity: poolSize)
            pool.addNgrams(of: text, size: ngramSize)
            window = JacobiWindow(depth: ngramSize - 1, width: width, seed: text)
        }
        let keep = SpeculativeRound.trimCache(context)
        var builder = DraftTreeBuilder(maxDepth: max(0, context.tokenBudget - 1))
        let candidates = pool.continuations(of: text[text.count - 1])
        // Most recent n-gram first: it is the likeliest to continue the current text.
        for continuation in candidates.reversed() { builder.insert(continuation) }
        let placed = window.place(into: &builder)
        // Target rows (node + 1) after the deepest level's guesses, and the column each feeds.
        var columnsByRow: [Int: [Int]] = [:]
        for (column, node) in placed[placed.count - 1].enumerated() {
            if let node { columnsByRow[node + 1, default: []].append(column) }
        }

        var next = [TokenID?](repeating: nil, count: width)
        let round = self.round
        var result = try round.run(builder.tree, keep: keep, drafter: "lookahead window \(width)×\(ngramSize - 1), \(candidates.count) pool n-gram\(candidates.count == 1 ? "" : "s") verified", context: context) { row, logits in
            for column in columnsByRow[row] ?? [] { next[column] = Distribution.argmax(ofLogits: logits) }
        }

        let grams = window.ngrams(next: next)
        for gram in grams { pool.add(gram) }
        let committed = context.tokens.count - text.count
        pool.addNgrams(of: context.tokens, size: ngramSize, endingFrom: text.count)
        let grid = JacobiGridTrace(levels: window.levels, next: next, poolCandidates: candidates, collected: grams.count)
        window.advance(next: next, committed: committed)
        self.window = window
        if case .draftTree(var trace) = result.payload {
            trace.jacobi = grid
            result.payload = .draftTree(trace)
        }
        return result
    }
}
