/// Which token ids are allowed, one bit per id.
public struct TokenMask: Equatable, Sendable {
    public let vocabularySize: Int
    public private(set) var words: [UInt64]

    public init(vocabularySize: Int) {
        self.vocabularySize = vocabularySize
        words = [UInt64](repeating: 0, count: (vocabularySize + 63) / 64)
    }

    public mutating func insert(_ token: Int) {
        words[token >> 6] |= 1 << UInt64(token & 63)
    }

    public func contains(_ token: Int) -> Bool {
        token >= 0 && token < vocabularySize && words[token >> 6] >> UInt64(token & 63) & 1 != 0
    }

    public var allowedCount: Int { words.reduce(0) { $0 + $1.nonzeroBitCount } }

    public var allowedTokens: [Int] { (0..<vocabularySize).filter(contains) }
}

extension TokenMask {
    /// A mask starting from precomputed words (one word per 64 ids).
    init(words: [UInt64], vocabularySize: Int) {
        precondition(words.count == (vocabularySize + 63) / 64, "one bit per token id")
        self.vocabularySize = vocabularySize
        self.words = words
    }

    /// Direct access to the bit words for bulk filling.
    mutating func withWords<R>(_ body: (UnsafeMutableBufferPointer<UInt64>) -> R) -> R {
        words.withUnsafeMutableBufferPointer { body($0) }
    }
}
