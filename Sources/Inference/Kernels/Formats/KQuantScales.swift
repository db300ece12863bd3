/// The twelve scale bytes shared by Q4_K and Q5_K: eight 6-bit scales and eight 6-bit mins.
/// Sub-blocks 0-3 keep theirs in the low six bits of bytes 0-7; sub-blocks 4-7 put their low
/// four bits in bytes 8-11 and their top two bits in the spare bits of bytes 0-7.
enum KQuantScales {
    @inline(__always)
    static func scaleAndMin(_ j: Int, _ scales: UnsafeRawPointer) -> (scale: Float, min: Float) {
        let byte = { (i: Int) in UInt32(scales.load(fromByteOffset: i, as: UInt8.self)) }
        if j < 4 {
            return (Float(byte(j) & 63), Float(byte(j + 4) & 63))
        }
        let scale = (byte(j + 4) & 0xF) | ((byte(j - 4) >> 6) << 4)
        let min = (byte(j + 4) >> 4) | ((byte(j) >> 6) << 4)
        return (Float(scale), Float(min))
    }
}
