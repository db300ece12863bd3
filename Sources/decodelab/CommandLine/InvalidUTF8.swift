/// Where bytes meant as text stop being UTF-8: the first byte that does not start a valid
/// sequence, and its offset. Files and command-line values are refused alike with it.
struct InvalidUTF8: CustomStringConvertible {
    var byte: UInt8
    var offset: Int

    /// Nil when every byte is part of a valid sequence.
    static func first(in bytes: [UInt8]) -> InvalidUTF8? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded): offset += encoded.count
            case .error: return InvalidUTF8(byte: bytes[offset], offset: offset)
            case .emptyInput: return nil
            }
        }
    }

    var description: String { "byte 0x\(String(byte, radix: 16, uppercase: true)) at offset \(offset)" }
}
