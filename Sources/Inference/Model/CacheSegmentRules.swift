/// What every model checks before `restore`: the segment must continue the kept prefix and fit.
enum CacheSegmentRules {
    static func check(_ segment: CacheSegment, committed: Int, contextLength: Int) throws {
        guard segment.start <= committed else {
            throw ModelError.invalidBatch("cache segment starts at \(segment.start) but only \(committed) positions are committed")
        }
        guard segment.end <= contextLength else { throw ModelError.contextFull(limit: contextLength) }
    }
}
