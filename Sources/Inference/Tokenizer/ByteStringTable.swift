/// Byte strings interned to dense ids (0, 1, 2, … in first-insertion order) and found again by
/// content: an open-addressing hash table over one flat byte store. Keys compare as bytes, never
/// as Unicode-equivalent Strings, so two distinct vocabulary entries can never collide.
struct ByteStringTable: Sendable {
    private var storage: [UInt8] = []
    /// Start of each string in `storage`, plus the end of the last one.
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// String id per slot, -1 when empty; the count is a power of two, at most half full.
    private var slots: [Int32]

    init(expectedCount: Int) {
        var capacity = 16
        while capacity < expectedCount * 2 { capacity *= 2 }
        slots = [Int32](repeating: -1, count: capacity)
        starts.reserveCapacity(expectedCount + 1)
        hashes.reserveCapacity(expectedCount)
    }

    var count: Int { hashes.count }

    func bytes(of id: Int32) -> ArraySlice<UInt8> {
        storage[starts[Int(id)]..<starts[Int(id) + 1]]
    }

    func find(_ key: UnsafeBufferPointer<UInt8>) -> Int32? {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { return nil }
            if hashes[Int(id)] == hash && equals(id, key) { return id }
            slot = (slot + 1) & mask
        }
    }

    func find(_ key: [UInt8]) -> Int32? {
        key.withUnsafeBufferPointer { find($0) }
    }

    /// The id of `key`, adding it if it is new.
    @discardableResult
    mutating func intern(_ key: UnsafeBufferPointer<UInt8>) -> Int32 {
        let hash = Self.hash(key)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let id = slots[slot]
            if id < 0 { break }
            if hashes[Int(id)] == hash && equals(id, key) { return id }
            slot = (slot + 1) & mask
        }
        let id = Int32(count)
        storage.append(contentsOf: key)
        starts.append(storage.count)
        hashes.append(hash)
        slots[slot] = id
        if count * 2 > slots.count { grow() }
        return id
    }

    @discardableResult
    mutating func intern(_ key: [UInt8]) -> Int32 {
        key.withUnsafeBufferPointer { intern($0) }
    }

    private func equals(_ id: Int32, _ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = starts[Int(id)], end = starts[Int(id) + 1]
        guard end - start == key.count else { return false }
        return storage.withUnsafeBufferPointer { stored in
            var i = 0
            while i < key.count {
                if stored[start + i] != key[i] { return false }
                i += 1
            }
            return true
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (id, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(id)
        }
    }

    /// Eight bytes at a time, multiply-xorshift mixed; the length is mixed in so that a short
    /// key's zero padding cannot collide with real zero bytes.
    private static func hash(_ key: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let raw = UnsafeRawBufferPointer(key)
        var hash = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        var i = 0
        while i + 8 <= key.count {
            hash = (hash ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
            hash ^= hash >> 32
            i += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while i < key.count {
            tail |= UInt64(key[i]) << shift
            shift += 8
            i += 1
        }
        hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return hash ^ (hash >> 29)
    }
}
