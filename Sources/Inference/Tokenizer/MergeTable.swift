/// BPE merge rules keyed by the pair of symbols they join: rank (lower merges first) and the
/// symbol the pair becomes. Open addressing over packed 64-bit keys, each entry's key and value
/// side by side so a lookup touches one cache line: lookups are the hot path of tokenization.
struct MergeTable: Sendable {
    struct Merge: Equatable {
        let rank: Int32
        let result: Int32
    }

    private struct Entry {
        var key: UInt64
        var merge: Merge
    }

    private var entries: [Entry]
    private(set) var count = 0
    private static let empty = Entry(key: UInt64.max, merge: Merge(rank: 0, result: 0))

    init(expectedCount: Int) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity *= 2 }
        entries = [Entry](repeating: Self.empty, count: capacity)
    }

    @inline(__always)
    func merge(_ left: Int32, _ right: Int32) -> Merge? {
        let key = Self.key(left, right)
        let mask = entries.count - 1
        var slot = Self.slot(key, mask)
        while true {
            let entry = entries[slot]
            if entry.key == key { return entry.merge }
            if entry.key == Self.empty.key { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Adds a rule unless the pair already has one: the first (lowest-ranked) rule wins, as in llama.cpp.
    mutating func insertIfAbsent(_ left: Int32, _ right: Int32, _ merge: Merge) {
        let key = Self.key(left, right)
        let mask = entries.count - 1
        var slot = Self.slot(key, mask)
        while entries[slot].key != Self.empty.key {
            if entries[slot].key == key { return }
            slot = (slot + 1) & mask
        }
        entries[slot] = Entry(key: key, merge: merge)
        count += 1
        if count * 2 > entries.count { grow() }
    }

    private mutating func grow() {
        let old = entries
        entries = [Entry](repeating: Self.empty, count: old.count * 2)
        count = 0
        for entry in old where entry.key != Self.empty.key {
            insertIfAbsent(Int32(truncatingIfNeeded: entry.key >> 32), Int32(truncatingIfNeeded: entry.key), entry.merge)
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
