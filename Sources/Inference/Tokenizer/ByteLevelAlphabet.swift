/// GPT-2's byte-level alphabet: every byte has a printable stand-in character, so a byte-level BPE
/// vocabulary stores tokens as ordinary text ("Ġthe" is the bytes " the").
enum ByteLevelAlphabet {
    /// The stand-in scalar of each byte: printable Latin-1 bytes stand for themselves, the others
    /// (controls, space, DEL, NBSP, soft hyphen) take U+0100 onwards in byte order.
    static let scalarOfByte: [UInt32] = {
        var table = [UInt32](repeating: 0, count: 256)
        var next: UInt32 = 256
        for byte in 0..<256 {
            if (33...126).contains(byte) || (161...172).contains(byte) || (174...255).contains(byte) {
                table[byte] = UInt32(byte)
            } else {
                table[byte] = next
                next += 1
            }
        }
        return table
    }()

    /// The UTF-8 encoding of each byte's stand-in character.
    static let utf8OfByte: [[UInt8]] = scalarOfByte.map { value in
        Array(String(Character(Unicode.Scalar(value) ?? "\u{FFFD}")).utf8)
    }

    /// Inverse of `scalarOfByte`, indexed by scalar; -1 where a scalar stands for no byte.
    private static let byteOfScalar: [Int16] = {
        var table = [Int16](repeating: -1, count: 256 + 68)
        for (byte, scalar) in scalarOfByte.enumerated() { table[Int(scalar)] = Int16(byte) }
        return table
    }()

    /// The byte a stand-in scalar represents, or nil for a scalar outside the alphabet.
    static func byte(for scalar: UInt32) -> UInt8? {
        guard scalar < UInt32(byteOfScalar.count) else { return nil }
        let byte = byteOfScalar[Int(scalar)]
        return byte < 0 ? nil : UInt8(byte)
    }

    /// Vocabulary text back to the bytes it stands for. A scalar outside the alphabet (a malformed
    /// vocabulary) keeps its own UTF-8 encoding rather than being dropped.
    static func decode(_ text: String, into bytes: inout [UInt8]) {
        for scalar in text.unicodeScalars {
            if let byte = byte(for: scalar.value) {
                bytes.append(byte)
            } else {
                bytes.append(contentsOf: String(scalar).utf8)
            }
        }
    }
}
