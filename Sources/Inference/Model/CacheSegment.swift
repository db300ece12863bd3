/// Committed KV-cache positions `start..<end` copied out of a model so they can be written back
/// later (`LanguageModel.restore`). Several continuations of one shared prefix (SMC particles)
/// each keep only their own positions and take turns in the one cache. Opaque: only a model of
/// the kind that made it can read it back.
public struct CacheSegment: Sendable {
    /// The first position this segment holds.
    public let start: Int
    /// How many positions it holds.
    public private(set) var count: Int
    private(set) var storage: Storage

    enum Storage: Sendable {
        /// A model whose cache is its token history (the ToyModel).
        case tokens([TokenID])
        /// Keys and values (`KVCache` layout).
        case keyValues(KVSegment)
    }

    init(start: Int, count: Int, storage: Storage) {
        self.start = start
        self.count = count
        self.storage = storage
    }

    public var end: Int { start + count }

    /// Extends this segment by `next`, which must start where this one ends and come from the
    /// same kind of model. In place: only `next`'s positions are copied when this segment's
    /// storage is not shared.
    public mutating func append(_ next: CacheSegment) throws {
        guard next.start == end else {
            throw ModelError.invalidBatch("cache segment \(next.start)..<\(next.end) does not continue \(start)..<\(end)")
        }
        let current = storage
        // Drop this segment's own reference first so the arrays below stay uniquely owned.
        storage = .tokens([])
        switch (current, next.storage) {
        case (.tokens(var tokens), .tokens(let more)):
            tokens += more
            storage = .tokens(tokens)
        case (.keyValues(var keyValues), .keyValues(let more)):
            do {
                try keyValues.append(more)
            } catch {
                storage = .keyValues(keyValues)
                throw error
            }
            storage = .keyValues(keyValues)
        default:
            storage = current
            throw ModelError.invalidBatch("cache segments from different kinds of model cannot be joined")
        }
        count += next.count
    }

    /// The positions from `position` on (a shared prefix that became part of the committed text
    /// is no longer this segment's own).
    public func suffix(from position: Int) -> CacheSegment {
        let dropped = min(max(0, position - start), count)
        let storage: Storage = switch storage {
        case .tokens(let tokens): .tokens(Array(tokens.dropFirst(dropped)))
        case .keyValues(let segment): .keyValues(segment.droppingPositions(dropped))
        }
        return CacheSegment(start: start + dropped, count: count - dropped, storage: storage)
    }
}
