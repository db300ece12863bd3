import Inference

/// Lookahead decoding's n-gram pool: continuations keyed by their first token, at most
/// `capacity` per key, the least recently added dropped first.
public struct NgramPool: Sendable, Equatable {
    public let capacity: Int
    private var continuations: [TokenID: [[TokenID]]] = [:]

    public init(capacity: Int) {
        self.capacity = max(1, capacity)
    }

    /// Continuations of `token`, most recent last.
    public func continuations(of token: TokenID) -> [[TokenID]] {
        continuations[token] ?? []
    }

    /// Records `gram` (first token, then its continuation); a gram already held moves to the
    /// most recent place.
    public mutating func add(_ gram: some Collection<TokenID>) {
        guard let key = gram.first, gram.count > 1 else { return }
        let continuation = Array(gram.dropFirst())
        var list = continuations[key] ?? []
        list.removeAll { $0 == continuation }
        list.append(continuation)
        if list.count > capacity { list.removeFirst(list.count - capacity) }
        continuations[key] = list
    }

    /// Records every n-gram of `tokens` that ends at or after `start`.
    public mutating func addNgrams(of tokens: [TokenID], size: Int, endingFrom start: Int = 0) {
        guard size > 1, tokens.count >= size else { return }
        for end in max(size, start + 1)...tokens.count { add(tokens[(end - size)..<end]) }
    }
}
