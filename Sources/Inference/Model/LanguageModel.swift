/// A token id in a model's vocabulary.
public typealias TokenID = Int32

/// One token of an evaluation batch. A batch can be a prompt chunk, a draft chain or a draft tree:
/// each token attends to the committed cache plus its ancestors in the batch (via `parent`).
public struct BatchToken: Sendable, Equatable {
    public var token: TokenID
    /// Absolute position (RoPE position) of this token in the sequence.
    public var position: Int
    /// Index in the batch of the token this one follows, or nil when it follows the committed cache directly.
    public var parent: Int?

    public init(token: TokenID, position: Int, parent: Int?) {
        self.token = token
        self.position = position
        self.parent = parent
    }

    /// A chain of tokens following the committed cache: each token's parent is the previous one.
    public static func chain(_ tokens: [TokenID], startingAt position: Int) -> [BatchToken] {
        tokens.enumerated().map { i, token in
            BatchToken(token: token, position: position + i, parent: i == 0 ? nil : i - 1)
        }
    }
}

/// Which batch rows to return logits for.
public enum OutputRows: Sendable, Equatable {
    case all
    case last
    case rows([Int])

    public func indices(batchCount: Int) -> [Int] {
        switch self {
        case .all: Array(0..<batchCount)
        case .last: batchCount > 0 ? [batchCount - 1] : []
        case .rows(let rows): rows
        }
    }
}

public struct EvaluationOptions: Sendable, Equatable {
    public var outputRows: OutputRows
    /// Stop after this many layers and apply the final norm and head there (self-speculative drafts).
    public var exitLayer: Int?
    /// Layers to skip entirely (layer-skip drafts).
    public var skippedLayers: Set<Int>

    public init(outputRows: OutputRows = .last, exitLayer: Int? = nil, skippedLayers: Set<Int> = []) {
        self.outputRows = outputRows
        self.exitLayer = exitLayer
        self.skippedLayers = skippedLayers
    }
}

/// Logits for some rows of a batch, each `vocabularySize` wide.
public struct Logits: Sendable {
    public let vocabularySize: Int
    /// The batch row each logit row belongs to.
    public let batchRows: [Int]
    public var values: [Float]

    public init(vocabularySize: Int, batchRows: [Int], values: [Float]) {
        precondition(values.count == vocabularySize * batchRows.count)
        self.vocabularySize = vocabularySize
        self.batchRows = batchRows
        self.values = values
    }

    public var rowCount: Int { batchRows.count }

    public func row(_ i: Int) -> ArraySlice<Float> {
        values[i * vocabularySize..<(i + 1) * vocabularySize]
    }

    /// The logit row for a batch row, if it was requested.
    public func row(forBatchRow batchRow: Int) -> ArraySlice<Float>? {
        batchRows.firstIndex(of: batchRow).map(row)
    }
}

/// What the model was asked to do that it cannot.
public enum ModelError: Error, Equatable, CustomStringConvertible, Sendable {
    case contextFull(limit: Int)
    case invalidToken(TokenID, vocabularySize: Int)
    case invalidBatch(String)
    /// The forward pass produced NaN or ∞: the weights are damaged.
    case nonFiniteLogits(position: Int)

    public var description: String {
        switch self {
        case .nonFiniteLogits(let position):
            "the model produced a non-finite logit (NaN or ∞) at position \(position): its weights are probably damaged"
        case .contextFull(let limit): "context is full (\(limit) tokens)"
        case .invalidToken(let t, let n): "token id \(t) is outside the vocabulary (0..<\(n))"
        case .invalidBatch(let why): "invalid batch: \(why)"
        }
    }
}

/// A causal language model with a KV cache. Everything speculative is built on `evaluate` +
/// `commit`; nothing outside Inference touches KV memory.
public protocol LanguageModel: AnyObject {
    var vocabulary: any Vocabulary { get }
    var contextLength: Int { get }
    var layerCount: Int { get }
    /// Number of committed positions in the KV cache.
    var committedCount: Int { get }

    /// Evaluates a batch whose positions start at `committedCount`. Its KV entries are held as
    /// pending until `commit(path:)`; a new `evaluate` or `truncate` discards uncommitted ones.
    func evaluate(_ batch: [BatchToken], options: EvaluationOptions) throws -> Logits

    /// Keeps the pending KV entries of these batch rows (a root-to-leaf path, in order) as the next
    /// committed positions, and drops the rest of the pending batch.
    func commit(path: [Int]) throws

    /// Keeps only the first `count` committed positions.
    func truncate(to count: Int)

    /// A copy of the committed positions from `start` on (all of them from the last shared
    /// position), to be written back by `restore`: continuations of one committed prefix
    /// (SMC particles) each keep their own positions and take turns in the cache.
    func cacheSegment(from start: Int) -> CacheSegment

    /// Keeps the first `segment.start` committed positions and appends the segment's as
    /// committed, exactly as they were when copied; drops any pending batch.
    func restore(_ segment: CacheSegment) throws
}

extension LanguageModel {
    /// Evaluates a chain after the committed cache and commits all of it.
    public func evaluateAndCommit(_ tokens: [TokenID], rows: OutputRows = .last) throws -> Logits {
        let batch = BatchToken.chain(tokens, startingAt: committedCount)
        let logits = try evaluate(batch, options: EvaluationOptions(outputRows: rows))
        try commit(path: Array(batch.indices))
        return logits
    }
}
