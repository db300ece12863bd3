/// A tiny exact language model for tests and demos. The next-token logits depend only on the
/// last two tokens: a hand-written word-class table (article → noun → verb → preposition …)
/// plus a seeded perturbation, so greedy and beam search disagree sometimes and every number is
/// cheap to recompute. It honours the `LanguageModel` batch, tree, commit and truncate rules
/// exactly and rejects batches that break them.
///
/// An early exit at layer `e` of `layerCount` (and skipping layers) scales the logits by the
/// fraction of layers run: a flatter, cheaper-looking "draft" of the same distribution.
public final class ToyModel: LanguageModel {
    public let vocabulary: any Vocabulary = ToyVocabulary()
    public let contextLength: Int
    public let layerCount = 4
    public private(set) var committedCount = 0
    /// Batches evaluated so far.
    public private(set) var evaluationCount = 0
    /// Batch tokens evaluated so far.
    public private(set) var evaluatedTokenCount = 0

    private let seed: UInt64
    private var committed: [TokenID] = []
    private var pending: [BatchToken]?

    public init(seed: UInt64 = 0, contextLength: Int = 64) {
        self.seed = seed
        self.contextLength = contextLength
    }

    /// The committed tokens (what the KV cache would hold).
    public var committedTokens: [TokenID] { committed }

    /// The exact full-depth logits for the token after `context`.
    public func logits(after context: some BidirectionalCollection<TokenID>) -> [Float] {
        let last = context.last.map(Int.init) ?? 0
        let previous = context.dropLast().last.map(Int.init) ?? 0
        return (0..<vocabulary.count).map { next in
            Self.table[Self.wordClass[last]][Self.wordClass[next]] + 0.75 * perturbation(previous, last, next)
        }
    }

    public func evaluate(_ batch: [BatchToken], options: EvaluationOptions) throws -> Logits {
        pending = nil
        var contexts: [[TokenID]] = []
        for (index, item) in batch.enumerated() {
            guard item.token >= 0, Int(item.token) < vocabulary.count else {
                throw ModelError.invalidToken(item.token, vocabularySize: vocabulary.count)
            }
            var context = committed
            if let parent = item.parent {
                guard parent >= 0, parent < index else { throw ModelError.invalidBatch("token \(index) has parent \(parent)") }
                context = contexts[parent]
            }
            guard item.position == context.count else {
                throw ModelError.invalidBatch("token \(index) is at position \(item.position), expected \(context.count)")
            }
            guard item.position < contextLength else { throw ModelError.contextFull(limit: contextLength) }
            contexts.append(context + [item.token])
        }
        let rows = options.outputRows.indices(batchCount: batch.count)
        guard rows.allSatisfy(batch.indices.contains) else { throw ModelError.invalidBatch("output rows \(rows) outside the batch") }
        let depth = options.exitLayer.map { min(max($0, 1), layerCount) } ?? (layerCount - options.skippedLayers.count)
        let scale = Float(max(depth, 1)) / Float(layerCount)
        let values = rows.flatMap { logits(after: contexts[$0]).map { $0 * scale } }
        pending = batch
        evaluationCount += 1
        evaluatedTokenCount += batch.count
        return Logits(vocabularySize: vocabulary.count, batchRows: rows, values: values)
    }

    public func commit(path: [Int]) throws {
        guard let batch = pending else { throw ModelError.invalidBatch("nothing evaluated to commit") }
        for (step, row) in path.enumerated() {
            guard batch.indices.contains(row) else { throw ModelError.invalidBatch("row \(row) is not in the batch") }
            let expectedParent = step == 0 ? nil : path[step - 1]
            guard batch[row].parent == expectedParent else {
                throw ModelError.invalidBatch("path \(path) is not a root-to-leaf chain")
            }
        }
        committed += path.map { batch[$0].token }
        committedCount = committed.count
        pending = nil
    }

    public func truncate(to count: Int) {
        committed.removeLast(max(0, committed.count - max(0, count)))
        committedCount = committed.count
        pending = nil
    }

    public func cacheSegment(from start: Int) -> CacheSegment {
        let first = min(max(0, start), committed.count)
        return CacheSegment(start: first, count: committed.count - first, storage: .tokens(Array(committed[first...])))
    }

    public func restore(_ segment: CacheSegment) throws {
        guard case .tokens(let tokens) = segment.storage else {
            throw ModelError.invalidBatch("the cache segment was not made by a ToyModel")
        }
        try CacheSegmentRules.check(segment, committed: committed.count, contextLength: contextLength)
        truncate(to: segment.start)
        committed += tokens
        committedCount = committed.count
    }

    // MARK: the distribution

    /// Word classes: 0 end, 1 article, 2 noun, 3 verb, 4 preposition, 5 place, 6 "and",
    /// 7 full stop, 8 adverb.
    private static let wordClass = [0, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 5, 6, 7, 8]

    /// Base logit of a next word class (column) after a word class (row).
    private static let table: [[Float]] = [
        //  end  art  noun verb prep place and  stop adv
        [-4, 2.0, 0.5, -2, -2, -1, -3, -3, -3],      // after end / start
        [-5, -3, 2.5, -3, -3, 1.5, -4, -4, -3],      // after an article
        [-3, -3, -3, 2.0, 0, -2, 0.5, 0.5, -1],      // after a noun
        [-2, -1, -3, -3, 1.5, -2, 0, 1.0, 1.0],      // after a verb
        [-5, 2.5, -1, -4, -4, 0.5, -4, -4, -4],      // after a preposition
        [-1, -3, -3, -2, -2, -4, 0.5, 2.0, -2],      // after a place
        [-4, 1.5, 1.0, -1, -3, -2, -4, -4, -3],      // after "and"
        [2.0, 1.0, -2, -4, -4, -4, -2, -5, -4],      // after a full stop
        [-2, -3, -3, -3, 1.0, -3, 0.5, 1.5, -4],     // after an adverb
    ]

    /// A fixed pseudo-random number in [-1, 1) for a (previous, last, next) triple.
    private func perturbation(_ previous: Int, _ last: Int, _ next: Int) -> Float {
        var z = seed &+ UInt64(previous * 256 + last * 16 + next + 1) &* 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Float(Double(z >> 11) * 0x1.0p-53 * 2 - 1)
    }
}
