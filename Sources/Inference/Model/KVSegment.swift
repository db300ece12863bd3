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

    mutating func append(_ next: KVSegment) throws {
        guard next.layerCount == layerCount, next.width == width else {
            throw ModelError.invalidBatch("cache segments of differently shaped caches cannot be joined")
        }
        keys += next.keys
        values += next.values
        for layer in writtenLayers.indices { writtenLayers[layer] = writtenLayers[layer] && next.writtenLayers[layer] }
    }

    func droppingPositions(_ count: Int) -> KVSegment {
        KVSegment(layerCount: layerCount, width: width, keys: Array(keys.dropFirst(count * stride)),
                  values: Array(values.dropFirst(count * stride)), writtenLayers: writtenLayers)
    }
}
