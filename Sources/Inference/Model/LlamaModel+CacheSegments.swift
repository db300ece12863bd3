extension LlamaModel {
    public func cacheSegment(from start: Int) -> CacheSegment {
        let first = min(max(0, start), committedCount)
        return CacheSegment(start: first, count: committedCount - first, storage: .keyValues(cache.segment(from: first)))
    }

    public func restore(_ segment: CacheSegment) throws {
        guard case .keyValues(let keyValues) = segment.storage, keyValues.layerCount == cache.layerCount, keyValues.width == cache.width else {
            throw ModelError.invalidBatch("the cache segment was not made by a model of this shape")
        }
        try CacheSegmentRules.check(segment, committed: committedCount, contextLength: contextLength)
        truncate(to: segment.start)
        cache.restore(keyValues, at: segment.start, count: segment.count)
    }
}
