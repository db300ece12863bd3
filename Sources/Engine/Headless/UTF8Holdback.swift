/// Streams token bytes as text without ever splitting a UTF-8 character: bytes of an
/// incomplete sequence at the end are held until the rest arrives.
public struct UTF8Holdback: Sendable {
    /// Bytes of a character not finished yet.
    public private(set) var pending: [UInt8] = []

    public init() {}

    /// A holdback already holding `pending`, the unfinished end of an earlier stream.
    public init(pending: [UInt8]) {
        self.pending = pending
    }

    /// The bytes that can be written now.
    public mutating func push(_ bytes: [UInt8]) -> [UInt8] {
        pending += bytes
        let cut = completeLength(pending)
        let ready = Array(pending[..<cut])
        pending.removeFirst(cut)
        return ready
    }

    /// Whatever is left at the end of the stream: a character the stream ended inside (the
    /// generation stopped mid-character) becomes U+FFFD, as a UTF-8 decoder would show it.
    public mutating func flush() -> [UInt8] {
        defer { pending = [] }
        return pending.isEmpty ? [] : Self.replacementCharacter
    }

    private static let replacementCharacter: [UInt8] = [0xEF, 0xBF, 0xBD]

    /// Length of the longest prefix that does not end inside a multi-byte sequence.
    private func completeLength(_ bytes: [UInt8]) -> Int {
        // Look back at most 3 bytes for the lead byte of the last sequence.
        var index = bytes.count - 1
        while index >= 0, index >= bytes.count - 4 {
            let byte = bytes[index]
            if byte & 0xC0 != 0x80 {
                let needed = byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                return bytes.count - index >= needed ? bytes.count : index
            }
            index -= 1
        }
        return bytes.count
    }
}
