/// Keys and values of consecutive positions copied out of a `KVCache`, position-major (each
/// position holds every layer's row) so segments join and split by plain array slicing.
struct KVSegment: Sendable {
    let layerCount: Int
    let width: Int
    /// Per position, `layerCount * width` floats.
    var keys: [Float]
    var values: [Float]
    /// Layers that hold real entries for every position of the segment (early-exit and
    /// layer-skipping evaluations leave the others unwritten).
    var writtenLayers: [Bool]

    var stride: Int { layerCount * width }

    func appending(_ next: KVSegment) throws -> KVSegment {
        guard next.layerCount == layerCount, next.width == width else {
            throw ModelError.invalidBatch("cache segments of differently shaped caches cannot be joined")
        }
        return KVSegment(layerCount: layerCount, width: width, keys: keys + next.keys, values: values + next.values,
                         writtenLayers: zip(writtenLayers, next.writtenLayers).map { $0 && $1 })
    }

    func droppingPositions(_ count: Int) -> KVSegment {
        KVSegment(layerCount: layerCount, width: width, keys: Array(keys.dropFirst(count * stride)),
                  values: Array(values.dropFirst(count * stride)), writtenLayers: writtenLayers)
    }
}
