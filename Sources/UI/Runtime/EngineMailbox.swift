import Engine
import Synchronization

/// Engine events waiting for the next frame. They are applied in one batch per frame instead
/// of queueing in the inbox, so a fast engine (the ToyModel makes thousands of steps a second)
/// can never push key presses back behind a flood of events.
final class EngineMailbox: Sendable {
    private let pending = Mutex<[EngineEvent]>([])

    func push(_ event: EngineEvent) {
        pending.withLock { $0.append(event) }
    }

    func drain() -> [EngineEvent] {
        pending.withLock { events in
            defer { events.removeAll(keepingCapacity: true) }
            return events
        }
    }
}
