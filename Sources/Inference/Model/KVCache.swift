/// Keys and values of every layer, f32, one slot per position: committed positions first, then
/// the pending rows of the last evaluated batch (slot committed + batch row).
///
/// Memory is reserved for the whole context but the OS only backs the pages that are written,
/// so resident size grows with the text, not with the context length.
final class KVCache {
    let layerCount: Int
    let capacity: Int
    let width: Int
    private let keys: UnsafeMutablePointer<Float>
    private let values: UnsafeMutablePointer<Float>
    private(set) var committedCount = 0
    /// Per layer, how many leading committed positions hold real entries: an evaluation that
    /// exits early or skips layers leaves the others unwritten.
    private(set) var validCount: [Int]

    init(layerCount: Int, capacity: Int, width: Int) {
        self.layerCount = layerCount
        self.capacity = capacity
        self.width = width
        keys = .allocate(capacity: layerCount * capacity * width)
        values = .allocate(capacity: layerCount * capacity * width)
        validCount = Array(repeating: 0, count: layerCount)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    func keys(layer: Int, slot: Int) -> UnsafeMutablePointer<Float> {
        keys + (layer * capacity + slot) * width
    }

    func values(layer: Int, slot: Int) -> UnsafeMutablePointer<Float> {
        values + (layer * capacity + slot) * width
    }

    /// Makes pending slots `committedCount + rows[j]` the committed positions `committedCount + j`,
    /// for the layers that the pending batch wrote.
    func commit(rows: [Int], writtenLayers: [Bool]) {
        for layer in 0..<layerCount where writtenLayers[layer] {
            for (j, row) in rows.enumerated() where row != j {
                let from = committedCount + row, to = committedCount + j
                keys(layer: layer, slot: to).update(from: keys(layer: layer, slot: from), count: width)
                values(layer: layer, slot: to).update(from: values(layer: layer, slot: from), count: width)
            }
            if validCount[layer] == committedCount { validCount[layer] += rows.count }
        }
        committedCount += rows.count
    }

    func truncate(to count: Int) {
        committedCount = min(committedCount, max(0, count))
        validCount = validCount.map { min($0, committedCount) }
    }
}
