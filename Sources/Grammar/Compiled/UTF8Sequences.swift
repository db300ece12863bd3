/// Code point ranges as UTF-8 byte-range sequences: each sequence matches, byte by byte, the
/// encodings of one contiguous run of scalars. Surrogates are not scalars and are left out.
enum UTF8Sequences {
    static func of(_ set: CodePointSet) -> [[ClosedRange<UInt8>]] {
        var result: [[ClosedRange<UInt8>]] = []
        let lengthBands: [ClosedRange<UInt32>] = [0...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0xFFFF, 0x10000...0x10FFFF]
        for range in set.ranges {
            for band in lengthBands where range.overlaps(band) {
                split(max(range.lowerBound, band.lowerBound), min(range.upperBound, band.upperBound), into: &result)
            }
        }
        return result
    }

    /// Splits [low, high] (same encoded length) until every byte position is an independent range.
    private static func split(_ low: UInt32, _ high: UInt32, into result: inout [[ClosedRange<UInt8>]]) {
        let length = encode(low).count
        for continuationBytes in 1..<max(length, 1) {
            let mask: UInt32 = (1 << (6 * UInt32(continuationBytes))) - 1
            guard low & ~mask != high & ~mask else { continue }
            if low & mask != 0 {
                split(low, low | mask, into: &result)
                split((low | mask) + 1, high, into: &result)
                return
            }
            if high & mask != mask {
                split(low, (high & ~mask) - 1, into: &result)
                split(high & ~mask, high, into: &result)
                return
            }
        }
        result.append(zip(encode(low), encode(high)).map { $0...$1 })
    }

    static func encode(_ scalar: UInt32) -> [UInt8] {
        switch scalar {
        case 0..<0x80: [UInt8(scalar)]
        case 0x80..<0x800: [UInt8(0xC0 | scalar >> 6), UInt8(0x80 | scalar & 0x3F)]
        case 0x800..<0x10000: [UInt8(0xE0 | scalar >> 12), UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F)]
        default: [UInt8(0xF0 | scalar >> 18), UInt8(0x80 | scalar >> 12 & 0x3F), UInt8(0x80 | scalar >> 6 & 0x3F), UInt8(0x80 | scalar & 0x3F)]
        }
    }
}
