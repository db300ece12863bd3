/// Decoding one UTF-8 scalar at a time, reporting invalid bytes instead of hiding them.
enum UTF8Scalar {
    /// The scalar starting at `i` and its length in bytes; nil and length 1 for a byte that does
    /// not start a complete, well-formed sequence (overlong, surrogate, truncated, stray).
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (value: UInt32?, length: Int) {
        let lead = bytes[i]
        if lead < 0x80 { return (UInt32(lead), 1) }
        let length: Int
        var value: UInt32
        switch lead {
        case 0xC2...0xDF: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0...0xEF: length = 3; value = UInt32(lead & 0x0F)
        case 0xF0...0xF4: length = 4; value = UInt32(lead & 0x07)
        default: return (nil, 1)
        }
        guard i + length <= bytes.count else { return (nil, 1) }
        for k in 1..<length {
            let continuation = bytes[i + k]
            guard continuation & 0xC0 == 0x80 else { return (nil, 1) }
            value = value << 6 | UInt32(continuation & 0x3F)
        }
        let minimum: UInt32 = length == 2 ? 0x80 : length == 3 ? 0x800 : 0x10000
        guard value >= minimum, value <= 0x10FFFF, !(0xD800...0xDFFF).contains(value) else { return (nil, 1) }
        return (value, length)
    }
}
