/// A set of byte values, 256 bits.
struct ByteSet: Hashable, Sendable {
    private(set) var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

    init(_ range: ClosedRange<UInt8>) {
        for byte in range { insert(byte) }
    }

    init() {}

    mutating func insert(_ byte: UInt8) {
        let bit = UInt64(1) << UInt64(byte & 63)
        switch byte >> 6 {
        case 0: words.0 |= bit
        case 1: words.1 |= bit
        case 2: words.2 |= bit
        default: words.3 |= bit
        }
    }

    mutating func remove(_ byte: UInt8) {
        let bit = ~(UInt64(1) << UInt64(byte & 63))
        switch byte >> 6 {
        case 0: words.0 &= bit
        case 1: words.1 &= bit
        case 2: words.2 &= bit
        default: words.3 &= bit
        }
    }

    func contains(_ byte: UInt8) -> Bool {
        let word: UInt64 = switch byte >> 6 {
        case 0: words.0
        case 1: words.1
        case 2: words.2
        default: words.3
        }
        return word >> UInt64(byte & 63) & 1 != 0
    }

    mutating func formUnion(_ other: ByteSet) {
        words = (words.0 | other.words.0, words.1 | other.words.1, words.2 | other.words.2, words.3 | other.words.3)
    }

    func intersection(_ other: ByteSet) -> ByteSet {
        var result = ByteSet()
        result.words = (words.0 & other.words.0, words.1 & other.words.1, words.2 & other.words.2, words.3 & other.words.3)
        return result
    }

    func subtracting(_ other: ByteSet) -> ByteSet {
        var result = ByteSet()
        result.words = (words.0 & ~other.words.0, words.1 & ~other.words.1, words.2 & ~other.words.2, words.3 & ~other.words.3)
        return result
    }

    /// The smallest member (0 when empty).
    var first: UInt8 {
        if words.0 != 0 { return UInt8(words.0.trailingZeroBitCount) }
        if words.1 != 0 { return UInt8(64 + words.1.trailingZeroBitCount) }
        if words.2 != 0 { return UInt8(128 + words.2.trailingZeroBitCount) }
        return words.3 == 0 ? 0 : UInt8(192 + words.3.trailingZeroBitCount)
    }

    var isEmpty: Bool { words.0 | words.1 | words.2 | words.3 == 0 }

    /// Calls `body` with each member in increasing order.
    func forEach(_ body: (UInt8) -> Void) {
        Self.forEachBit(of: words.0, offset: 0, body)
        Self.forEachBit(of: words.1, offset: 64, body)
        Self.forEachBit(of: words.2, offset: 128, body)
        Self.forEachBit(of: words.3, offset: 192, body)
    }

    private static func forEachBit(of word: UInt64, offset: Int, _ body: (UInt8) -> Void) {
        var rest = word
        while rest != 0 {
            body(UInt8(offset | rest.trailingZeroBitCount))
            rest &= rest - 1
        }
    }

    func isSubset(of other: ByteSet) -> Bool {
        words.0 & ~other.words.0 == 0 && words.1 & ~other.words.1 == 0
            && words.2 & ~other.words.2 == 0 && words.3 & ~other.words.3 == 0
    }

    static func == (lhs: ByteSet, rhs: ByteSet) -> Bool { lhs.words == rhs.words }

    func hash(into hasher: inout Hasher) {
        hasher.combine(words.0); hasher.combine(words.1); hasher.combine(words.2); hasher.combine(words.3)
    }
}
