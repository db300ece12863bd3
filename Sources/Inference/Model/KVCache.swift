/// Keys and values of every layer, f32, one slot per position: committed positions first, then
/// the pending rows of the last evaluated batch (slot committed + batch row).
///
/// Head-major: each (layer, key/value head) holds its positions contiguously, so attention
/// streams one head's keys as one sequential run (with position-major rows it read 256 of every
/// 768 bytes and waited on memory at long contexts).
///
/// Memory is reserved for the whole context but the OS only backs the pages that are written,
/// so resident size grows with the text, not with the context length.
final class KVCache {
    let layerCount: Int
    let capacity: Int
    let headCount: Int
    let headDimension: Int
    /// Values per position and layer: every head's.
    var width: Int { headCount * headDimension }
    private let keys: UnsafeMutablePointer<Float>
    private let values: UnsafeMutablePointer<Float>
    private(set) var committedCount = 0
    /// Per layer, how many leading committed positions hold real entries: an evaluation that
    /// exits early or skips layers leaves the others unwritten.
    private(set) var validCount: [Int]

    init(layerCount: Int, capacity: Int, headCount: Int, headDimension: Int) {
        self.layerCount = layerCount
        self.capacity = capacity
        self.headCount = headCount
        self.headDimension = headDimension
        keys = .allocate(capacity: layerCount * capacity * headCount * headDimension)
        values = .allocate(capacity: layerCount * capacity * headCount * headDimension)
        validCount = Array(repeating: 0, count: layerCount)
    }

    deinit {
        keys.deallocate()
        values.deallocate()
    }

    private func offset(layer: Int, head: Int, slot: Int) -> Int {
        ((layer * headCount + head) * capacity + slot) * headDimension
    }

    func key(layer: Int, head: Int, slot: Int) -> UnsafeMutablePointer<Float> {
        keys + offset(layer: layer, head: head, slot: slot)
    }

    func value(layer: Int, head: Int, slot: Int) -> UnsafeMutablePointer<Float> {
        values + offset(layer: layer, head: head, slot: slot)
    }

    /// Writes `rows` positions' keys and values (rows of `width`, `stride` apart) into slots
    /// firstSlot..<firstSlot+rows of `layer`.
    func store(layer: Int, firstSlot: Int, rows: Int, keys rowKeys: UnsafePointer<Float>, values rowValues: UnsafePointer<Float>, stride: Int) {
        for i in 0..<rows {
            for head in 0..<headCount {
                let source = i * stride + head * headDimension
                key(layer: layer, head: head, slot: firstSlot + i).update(from: rowKeys + source, count: headDimension)
                value(layer: layer, head: head, slot: firstSlot + i).update(from: rowValues + source, count: headDimension)
            }
        }
    }

    /// Makes pending slots `committedCount + rows[j]` the committed positions `committedCount + j`,
    /// for the layers that the pending batch wrote.
    func commit(rows: [Int], writtenLayers: [Bool]) {
        for layer in 0..<layerCount where writtenLayers[layer] {
            for (j, row) in rows.enumerated() where row != j {
                let from = committedCount + row, to = committedCount + j
                for head in 0..<headCount {
                    key(layer: layer, head: head, slot: to).update(from: key(layer: layer, head: head, slot: from), count: headDimension)
                    value(layer: layer, head: head, slot: to).update(from: value(layer: layer, head: head, slot: from), count: headDimension)
                }
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
                        for head in 0..<headCount {
                            let offset = (position * layerCount + layer) * width + head * headDimension
                            (outKeys.baseAddress! + offset).update(from: key(layer: layer, head: head, slot: first + position), count: headDimension)
                            (outValues.baseAddress! + offset).update(from: value(layer: layer, head: head, slot: first + position), count: headDimension)
                        }
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
                        for head in 0..<headCount {
                            let offset = (position * layerCount + layer) * width + head * headDimension
                            key(layer: layer, head: head, slot: committedCount + position).update(from: inKeys.baseAddress! + offset, count: headDimension)
                            value(layer: layer, head: head, slot: committedCount + position).update(from: inValues.baseAddress! + offset, count: headDimension)
                        }
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
