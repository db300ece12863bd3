import Synchronization

/// Bytes read from the terminal by the reader thread, shared with the test.
final class CapturedOutput: Sendable {
    private let bytes = Mutex<[UInt8]>([])
    private let ended = Atomic<Bool>(false)

    func append(_ chunk: ArraySlice<UInt8>) {
        bytes.withLock { $0 += chunk }
    }

    /// Called by the reader once the terminal has no writer left: everything is in.
    func end() { ended.store(true, ordering: .releasing) }

    var isComplete: Bool { ended.load(ordering: .acquiring) }

    var text: String { bytes.withLock { String(decoding: $0, as: UTF8.self) } }
}
