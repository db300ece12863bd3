/// The recognizer's DFA table: 256 slots per state, grown as states are discovered. Manual
/// memory so the mask walk reads it through a raw pointer (no bounds or exclusivity checks
/// in the hottest loop); callers re-read `slots` after anything that may add a row.
final class TransitionTable {
    static let unknown: Int32 = -2
    static let dead: Int32 = -1

    private(set) var slots: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private(set) var rowCount = 0

    init() {
        capacity = 256 * 64
        slots = .allocate(capacity: capacity)
    }

    deinit { slots.deallocate() }

    /// Adds a row of unknown transitions for a new state.
    func appendRow() {
        if (rowCount + 1) * 256 > capacity {
            let grown = UnsafeMutablePointer<Int32>.allocate(capacity: capacity * 2)
            grown.update(from: slots, count: rowCount * 256)
            slots.deallocate()
            slots = grown
            capacity *= 2
        }
        (slots + rowCount * 256).initialize(repeating: Self.unknown, count: 256)
        rowCount += 1
    }
}
