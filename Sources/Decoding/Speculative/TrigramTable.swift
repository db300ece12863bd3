import Inference

/// ADED's "LLM representative": how often each token followed each pair of tokens, learned as
/// decoding goes (from the prompt, from the committed text and from the target's own
/// predictions), with the single previous token as a fallback for pairs never seen. Ties go to
/// the continuation seen most recently, which tracks the text being written.
public struct TrigramTable: Sendable, Equatable {
    /// A continuation of a context: how often it followed, and when it last did.
    public struct Continuation: Sendable, Equatable {
        public var token: TokenID
        public var count: Int
        /// When it last followed, on the table's record clock: larger is more recent.
        public var lastSeen: Int
        /// Share of the context's recorded continuations: ADED's estimate of P(token | context).
        public var estimate: Double
    }

    private struct Pair: Hashable, Sendable {
        var first: TokenID
        var second: TokenID
    }

    private struct Tally: Sendable, Equatable {
        var count = 0
        var lastSeen = 0
    }

    private var trigrams: [Pair: [TokenID: Tally]] = [:]
    private var bigrams: [TokenID: [TokenID: Tally]] = [:]
    private var clock = 0

    public init() {}

    /// Pairs of tokens with at least one recorded continuation: how far the table has grown.
    public var pairCount: Int { trigrams.count }

    /// Counts `next` after `first, second` (and after `second` alone).
    public mutating func record(_ first: TokenID?, _ second: TokenID, next: TokenID) {
        clock += 1
        if let first { Self.bump(&trigrams[Pair(first: first, second: second), default: [:]][next, default: Tally()], clock) }
        Self.bump(&bigrams[second, default: [:]][next, default: Tally()], clock)
    }

    /// Counts every continuation in `text` whose token is at index `start` or later.
    public mutating func record(text: [TokenID], from start: Int = 0) {
        for i in stride(from: max(1, start), to: text.count, by: 1) {
            record(i >= 2 ? text[i - 2] : nil, text[i - 1], next: text[i])
        }
    }

    /// What followed `first, second`, most frequent first; what followed `second` alone when
    /// that pair was never seen (or `first` is nil).
    public func continuations(after first: TokenID?, _ second: TokenID, limit: Int) -> [Continuation] {
        let row = first.flatMap { trigrams[Pair(first: $0, second: second)] } ?? bigrams[second] ?? [:]
        let total = Double(row.values.reduce(0) { $0 + $1.count })
        return row
            .sorted { ($0.value.count, $0.value.lastSeen) > ($1.value.count, $1.value.lastSeen) }
            .prefix(max(0, limit))
            .map { Continuation(token: $0.key, count: $0.value.count, lastSeen: $0.value.lastSeen, estimate: Double($0.value.count) / total) }
    }

    private static func bump(_ tally: inout Tally, _ clock: Int) {
        tally.count += 1
        tally.lastSeen = clock
    }
}
