/// Stack node ids by (grammar position, parent): an open-addressing hash table with a
/// multiplicative hash, several times cheaper than a Dictionary on the path that builds new
/// recognizer states.
struct NodeIndex {
    private var keys: [Int64]
    private var values: [Int32]
    private var count = 0
    private static let empty = Int64.min

    init() {
        keys = [Int64](repeating: Self.empty, count: 1024)
        values = [Int32](repeating: 0, count: 1024)
    }

    /// The id stored for `key`, or `make()`'s result stored as its id.
    mutating func id(for key: Int64, make: () -> Int32) -> Int32 {
        var slot = slot(of: key)
        while keys[slot] != Self.empty {
            if keys[slot] == key { return values[slot] }
            slot = (slot + 1) & (keys.count - 1)
        }
        let id = make()
        keys[slot] = key
        values[slot] = id
        count += 1
        if count * 2 > keys.count { grow() }
        return id
    }

    private func slot(of key: Int64) -> Int {
        Int(truncatingIfNeeded: (UInt64(bitPattern: key) &* 0x9E37_79B9_7F4A_7C15) >> 32) & (keys.count - 1)
    }

    private mutating func grow() {
        let (oldKeys, oldValues) = (keys, values)
        keys = [Int64](repeating: Self.empty, count: oldKeys.count * 2)
        values = [Int32](repeating: 0, count: oldKeys.count * 2)
        for (key, value) in zip(oldKeys, oldValues) where key != Self.empty {
            var slot = slot(of: key)
            while keys[slot] != Self.empty { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            values[slot] = value
        }
    }
}
