/// BPE merge rules keyed by the pair of symbols they join: rank (lower merges first) and the
/// symbol the pair becomes. Open addressing over packed 64-bit keys; lookups are the hot path of
/// tokenization.
struct MergeTable: Sendable {
    struct Merge: Equatable {
        let rank: Int32
        let result: Int32
    }

    private var keys: [UInt64]
    private var values: [Merge]
    private(set) var count = 0
    private static let empty = UInt64.max

    init(expectedCount: Int) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity *= 2 }
        keys = [UInt64](repeating: Self.empty, count: capacity)
        values = [Merge](repeating: Merge(rank: 0, result: 0), count: capacity)
    }

    @inline(__always)
    func merge(_ left: Int32, _ right: Int32) -> Merge? {
        let key = Self.key(left, right)
        let mask = keys.count - 1
        var slot = Self.slot(key, mask)
        while true {
            let stored = keys[slot]
            if stored == key { return values[slot] }
            if stored == Self.empty { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Adds a rule unless the pair already has one: the first (lowest-ranked) rule wins, as in llama.cpp.
    mutating func insertIfAbsent(_ left: Int32, _ right: Int32, _ merge: Merge) {
        let key = Self.key(left, right)
        let mask = keys.count - 1
        var slot = Self.slot(key, mask)
        while keys[slot] != Self.empty {
            if keys[slot] == key { return }
            slot = (slot + 1) & mask
        }
        keys[slot] = key
        values[slot] = merge
        count += 1
        if count * 2 > keys.count { grow() }
    }

    private mutating func grow() {
        let oldKeys = keys, oldValues = values
        keys = [UInt64](repeating: Self.empty, count: oldKeys.count * 2)
        values = [Merge](repeating: Merge(rank: 0, result: 0), count: oldKeys.count * 2)
        count = 0
        for (key, value) in zip(oldKeys, oldValues) where key != Self.empty {
            insertIfAbsent(Int32(truncatingIfNeeded: key >> 32), Int32(truncatingIfNeeded: key), value)
        }
    }

    @inline(__always)
    private static func key(_ left: Int32, _ right: Int32) -> UInt64 {
        UInt64(UInt32(bitPattern: left)) << 32 | UInt64(UInt32(bitPattern: right))
    }

    @inline(__always)
    private static func slot(_ key: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> 32) & mask
    }
}
