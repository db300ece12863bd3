import Synchronization

/// Signals that arrived on the relay's queue, waiting for the main actor's next poll.
final class SignalInbox: Sendable {
    private let pending = Mutex<[Int32]>([])

    func push(_ signal: Int32) {
        pending.withLock { $0.append(signal) }
    }

    func drain() -> [Int32] {
        pending.withLock { signals in
            defer { signals.removeAll() }
            return signals
        }
    }
}
