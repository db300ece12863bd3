import Synchronization

/// Bytes read from the terminal by the reader thread, shared with the test.
final class CapturedOutput: Sendable {
    private let bytes = Mutex<[UInt8]>([])

    func append(_ chunk: ArraySlice<UInt8>) {
        bytes.withLock { $0 += chunk }
    }

    var text: String { bytes.withLock { String(decoding: $0, as: UTF8.self) } }
}
