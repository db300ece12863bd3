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

    /// A copy of the committed positions from `start` on.
    func segment(from start: Int) -> KVSegment {
        let first = min(max(0, start), committedCount)
        let count = committedCount - first
        var segmentKeys = [Float](repeating: 0, count: count * layerCount * width)
        var segmentValues = segmentKeys
        segmentKeys.withUnsafeMutableBufferPointer { outKeys in
            segmentValues.withUnsafeMutableBufferPointer { outValues in
                for position in 0..<count {
                    for layer in 0..<layerCount {
                        let offset = (position * layerCount + layer) * width
                        (outKeys.baseAddress! + offset).update(from: keys(layer: layer, slot: first + position), count: width)
                        (outValues.baseAddress! + offset).update(from: values(layer: layer, slot: first + position), count: width)
                    }
                }
            }
        }
        return KVSegment(layerCount: layerCount, width: width, keys: segmentKeys, values: segmentValues,
                         writtenLayers: validCount.map { $0 >= committedCount })
    }

    /// Keeps the first `start` committed positions and appends the segment's as committed.
    func restore(_ segment: KVSegment, at start: Int, count: Int) {
        truncate(to: start)
        segment.keys.withUnsafeBufferPointer { inKeys in
            segment.values.withUnsafeBufferPointer { inValues in
                for position in 0..<count {
                    for layer in 0..<layerCount {
                        let offset = (position * layerCount + layer) * width
                        keys(layer: layer, slot: committedCount + position).update(from: inKeys.baseAddress! + offset, count: width)
                        values(layer: layer, slot: committedCount + position).update(from: inValues.baseAddress! + offset, count: width)
                    }
                }
            }
        }
        for layer in 0..<layerCount where segment.writtenLayers[layer] && validCount[layer] == committedCount {
            validCount[layer] += count
        }
        committedCount += count
    }
}
