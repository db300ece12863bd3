/// Decoding UTF-8 one scalar at a time: strictly (for display, where a partial character must
/// show as bytes) or the way llama.cpp reads text before tokenizing it.
enum UTF8Scalar {
    /// The scalar starting at `i` and its length in bytes; nil and length 1 for a byte that does
    /// not start a complete, well-formed sequence (overlong, surrogate, truncated, stray).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32?, length: Int) {
        let (value, length) = decodeLikeLlamaCpp(bytes, at: i)
        guard let value else { return (nil, 1) }
        guard value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value), encodedLength(value) == length else { return (nil, 1) }
        return (value, length)
    }

    /// llama.cpp's decoder: the lead byte gives the length and the continuation bytes must be
    /// there, but overlong forms, surrogates and values past U+10FFFF pass. Nil and length 1
    /// for anything else (llama.cpp then uses U+FFFD).
    @inline(__always)
    static func decodeLikeLlamaCpp(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32?, length: Int) {
        let lead = bytes[i]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC0...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF7: length = 4; value = UInt32(lead & 0x07)
        default: return (nil, 1)
        }
        guard i + length <= bytes.count else { return (nil, 1) }
        for k in 1..<length {
            let continuation = bytes[i + k]
            guard continuation & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        return (value, length)
    }

    /// The bytes llama.cpp actually tokenizes: it decodes with `decodeLikeLlamaCpp` and encodes
    /// the scalars again, so invalid bytes become U+FFFD and overlong forms shrink. Nil when
    /// that changes nothing, which is always the case for valid UTF-8.
    static func reencodedLikeLlamaCpp(_ bytes: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var i = 0
        while i < bytes.count {
            let (value, length) = decodeLikeLlamaCpp(bytes, at: i)
            guard let value, value <= 0x10FFFF, encodedLength(value) == length else { break }
            i += length
        }
        guard i < bytes.count else { return nil }
        var out = Array(bytes[..<i])
        out.reserveCapacity(bytes.count + 16)
        while i < bytes.count {
            let (value, length) = decodeLikeLlamaCpp(bytes, at: i)
            // Past U+10FFFF llama.cpp cannot encode the scalar again (it throws); U+FFFD stands in.
            encode(value.flatMap { $0 <= 0x10FFFF ? $0 : nil } ?? 0xFFFD, into: &out)
            i += length
        }
        return out
    }

    private static func encodedLength(_ value: UInt32) -> Int {
        value < 0x80 ? 1 : value < 0x800 ? 2 : value < 0x10000 ? 3 : 4
    }

    /// Encodes any value up to U+10FFFF, surrogates included, as llama.cpp does.
    private static func encode(_ value: UInt32, into out: inout [UInt8]) {
        switch encodedLength(value) {
        case 1:
            out.append(UInt8(value))
        case 2:
            out.append(0xC0 | UInt8(value >> 6))
            out.append(0x80 | UInt8(value & 0x3F))
        case 3:
            out.append(0xE0 | UInt8(value >> 12))
            out.append(0x80 | UInt8(value >> 6 & 0x3F))
            out.append(0x80 | UInt8(value & 0x3F))
        default:
            out.append(0xF0 | UInt8(value >> 18))
            out.append(0x80 | UInt8(value >> 12 & 0x3F))
            out.append(0x80 | UInt8(value >> 6 & 0x3F))
            out.append(0x80 | UInt8(value & 0x3F))
        }
    }
}
