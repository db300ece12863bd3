import Foundation
import Inference

/// Beam search over whole continuations. Each step extends every unfinished hypothesis by one
/// token; the pool of extensions plus the finished hypotheses is cut back to the `width` best by
/// `logP / length^lengthPenalty` (ties: lower token sequence). It stops when no kept hypothesis
/// can grow (all ended with an end token or reached the budget), or their suffixes no longer
/// fit the context in one pass, and commits the best one.
///
/// KV layout: the model cache holds only the committed text, which is the longest prefix all
/// kept hypotheses share (committed as soon as they agree, source `.beam`). The hypotheses'
/// differing suffixes are evaluated each step as one tree batch (a trie, shared prefixes once),
/// never committed. That re-evaluates suffixes every step, costing up to width × suffix length
/// rows, but needs no per-beam caches and is exact by the model's tree semantics.
public struct BeamSearchStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "beam", family: .search, lossless: false,
        description: "beam search by cumulative log-probability with a length penalty",
        parameters: [
            ParameterDescriptor(name: "beam-width", summary: "hypotheses kept per step", range: 1...32, step: 1),
            ParameterDescriptor(name: "length-penalty", summary: "rank by logP / length^α", range: 0...3, step: 0.1),
        ])

    public var descriptor: StrategyDescriptor { Self.descriptor }

    struct Hypothesis {
        /// Generated tokens not yet committed.
        var suffix: [TracedToken]
        /// Log-probability of all generated tokens, committed ones included.
        var logProbability: Double
        var finished: Bool
    }

    private let width: Int
    private let lengthPenalty: Double
    private var hypotheses: [Hypothesis] = [Hypothesis(suffix: [], logProbability: 0, finished: false)]

    public init(width: Int, lengthPenalty: Double) {
        self.width = max(1, width)
        self.lengthPenalty = lengthPenalty
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        let budget = context.tokenBudget
        var expanding = hypotheses.indices.filter { !hypotheses[$0].finished && hypotheses[$0].suffix.count < budget }
        // Near the end of the context the suffixes' trie no longer fits in one pass: the search
        // settles on its best hypothesis so far and goes on from there.
        let settling = Self.trieSize(expanding.map { hypotheses[$0].suffix.map(\.token) }) > context.model.contextLength - context.tokens.count
        if settling { expanding = [] }
        let rows = try logitRows(for: expanding.map { hypotheses[$0].suffix.map(\.token) }, context: context)

        var pool = hypotheses.indices.filter { !expanding.contains($0) }.map { hypotheses[$0] }
        var scored = 0
        for (beam, row) in zip(expanding, rows) {
            let distribution = Distribution(logits: row)
            let entropy = distribution.entropy
            for candidate in distribution.top(width) {
                let hypothesis = hypotheses[beam]
                let traced = TracedToken(token: candidate.token, source: .beam, probability: candidate.probability, entropy: entropy)
                pool.append(Hypothesis(
                    suffix: hypothesis.suffix + [traced],
                    logProbability: hypothesis.logProbability + log(candidate.probability),
                    finished: context.vocabulary.isEndOfGeneration(candidate.token)))
                scored += 1
            }
        }
        let base = context.generatedCount
        let ranked = pool.map { (hypothesis: $0, score: score($0, base: base)) }.sorted { a, b in
            a.score != b.score ? a.score > b.score : a.hypothesis.suffix.map(\.token).lexicographicallyPrecedes(b.hypothesis.suffix.map(\.token))
        }
        hypotheses = ranked.prefix(width).map(\.hypothesis)

        // Done: nothing kept can grow, so the best hypothesis is the answer and is committed whole.
        if settling || hypotheses.allSatisfy({ $0.finished || $0.suffix.count >= budget }) { hypotheses.removeLast(hypotheses.count - 1) }
        let committed = commonPrefix()
        context.append(committed.map(\.token))
        for i in hypotheses.indices { hypotheses[i].suffix.removeFirst(committed.count) }

        let beams = hypotheses.map {
            BeamTrace.Beam(tokens: $0.suffix.map(\.token), logProbability: $0.logProbability,
                           score: score($0, base: context.generatedCount), finished: $0.finished)
        }
        return StepResult(tokens: committed, payload: .beams(BeamTrace(beams: beams, candidatesScored: scored)))
    }

    /// `logP / length^α` with length the number of generated tokens.
    private func score(_ hypothesis: Hypothesis, base: Int) -> Double {
        let length = base + hypothesis.suffix.count
        return length == 0 ? 0 : hypothesis.logProbability / pow(Double(length), lengthPenalty)
    }

    private func commonPrefix() -> [TracedToken] {
        guard var prefix = hypotheses.first?.suffix else { return [] }
        for hypothesis in hypotheses.dropFirst() {
            let shared = zip(prefix, hypothesis.suffix).prefix { $0.token == $1.token }.count
            prefix.removeLast(prefix.count - shared)
        }
        return prefix
    }

    /// Rows of the trie batch for `suffixes`: their distinct non-empty prefixes.
    static func trieSize(_ suffixes: [[TokenID]]) -> Int {
        Set(suffixes.flatMap { suffix in suffix.indices.map { Array(suffix[...$0]) } }).count
    }

    /// Next-token logits after the committed text followed by each suffix.
    private func logitRows(for suffixes: [[TokenID]], context: DecodingContext) throws -> [[Float]] {
        let afterCommitted = try context.nextTokenLogits()
        var batch: [BatchToken] = []
        var children: [Int: [TokenID: Int]] = [:]   // parent batch row (-1: the cache) → child rows
        var leaves: [Int?] = []
        for suffix in suffixes {
            var node = -1
            for (depth, token) in suffix.enumerated() {
                if let existing = children[node]?[token] {
                    node = existing
                } else {
                    batch.append(BatchToken(token: token, position: context.tokens.count + depth, parent: node < 0 ? nil : node))
                    children[node, default: [:]][token] = batch.count - 1
                    node = batch.count - 1
                }
            }
            leaves.append(node < 0 ? nil : node)
        }
        guard !batch.isEmpty else { return suffixes.map { _ in afterCommitted } }
        let requested = Array(Set(leaves.compactMap { $0 })).sorted()
        let logits = try context.evaluate(batch, options: EvaluationOptions(outputRows: .rows(requested)))
        return try leaves.map { leaf in
            guard let leaf else { return afterCommitted }
            guard let row = logits.row(forBatchRow: leaf) else { throw ModelError.invalidBatch("the model did not return row \(leaf)") }
            return Array(row)
        }
    }
}
