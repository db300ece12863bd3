/// The recognizer's DFA table: per state, 256 transition slots (filled lazily), which of them
/// are known, which known ones lead back to the state itself, and its plain-text horizon
/// (see `Recognizer.horizon(of:)`; -1 not yet searched, -2 being searched). Manual memory so the mask
/// walk reads it through raw pointers (no bounds or exclusivity checks in the hottest loop);
/// callers re-read the pointers after anything that may add a row.
final class TransitionTable {
    static let unknown: Int32 = -2
    static let dead: Int32 = -1

    private(set) var slots: UnsafeMutablePointer<Int32>
    private(set) var knownBytes: UnsafeMutablePointer<ByteSet>
    private(set) var selfLoops: UnsafeMutablePointer<ByteSet>
    private(set) var horizons: UnsafeMutablePointer<Int16>
    private var capacity: Int
    private(set) var rowCount = 0

    init() {
        capacity = 64
        slots = .allocate(capacity: capacity * 256)
        knownBytes = .allocate(capacity: capacity)
        selfLoops = .allocate(capacity: capacity)
        horizons = .allocate(capacity: capacity)
    }

    deinit {
        slots.deallocate()
        knownBytes.deallocate()
        selfLoops.deallocate()
        horizons.deallocate()
    }

    /// Adds a row of unknown transitions for a new state.
    func appendRow() {
        if rowCount == capacity {
            capacity *= 2
            slots = Self.moved(slots, count: rowCount * 256, to: capacity * 256)
            knownBytes = Self.moved(knownBytes, count: rowCount, to: capacity)
            selfLoops = Self.moved(selfLoops, count: rowCount, to: capacity)
            horizons = Self.moved(horizons, count: rowCount, to: capacity)
        }
        (slots + rowCount * 256).initialize(repeating: Self.unknown, count: 256)
        (knownBytes + rowCount).initialize(to: ByteSet())
        (selfLoops + rowCount).initialize(to: ByteSet())
        (horizons + rowCount).initialize(to: -1)
        rowCount += 1
    }

    private static func moved<Element>(_ old: UnsafeMutablePointer<Element>, count: Int, to capacity: Int) -> UnsafeMutablePointer<Element> {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        grown.moveInitialize(from: old, count: count)
        old.deallocate()
        return grown
    }
}
