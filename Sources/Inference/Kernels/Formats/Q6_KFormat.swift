/// Q6_K: 256 values as two halves of 128. Per half, 64 bytes of low nibbles (ql), 32 bytes of
/// top-two-bit pairs (qh) and eight signed scales, one per 16 values; then a half d at the end.
/// In half h, chunk k (of four) takes nibbles from ql bytes 64h + 32·(k%2) (low nibble for
/// k < 2), bits 2k..2k+1 of qh bytes 32h, and scales 8h + 2k (+1 for its second 16).
/// w = d·scale·(q − 32).
enum Q6_KFormat: BlockFormat {
    static let type = GGMLType.q6_K
    static let chunksPerBlock = 8
    static let blockBytes = 210

    @inline(__always)
    static func chunk(_ c: Int, of block: UnsafeRawPointer) -> Chunk32 {
        let half = c / 4, k = c % 4
        let d = block.loadHalf(at: 208)
        let scales = 192 + 8 * half + 2 * k
        let scaleLow = SIMD16<Float>(repeating: d * Float(block.load(fromByteOffset: scales, as: Int8.self)))
        let scaleHigh = SIMD16<Float>(repeating: d * Float(block.load(fromByteOffset: scales + 1, as: Int8.self)))
        let lowOffset = 64 * half + 32 * (k % 2)
        let nibbleShift: UInt32 = k < 2 ? 0 : 4
        let pairShift = UInt32(2 * k)
        let highBitsOffset = 128 + 32 * half
        func values(_ at: Int) -> SIMD16<Float> {
            let low = (SIMD16<UInt32>(widening: block.loadBytes16(at: lowOffset + at)) &>> nibbleShift) & 0xF
            let top = (SIMD16<UInt32>(widening: block.loadBytes16(at: highBitsOffset + at)) &>> pairShift) & 3
            return SIMD16<Float>(smallIntegers: low | (top &<< 4)) - 32
        }
        return Chunk32(low: scaleLow * values(0), high: scaleHigh * values(16))
    }
}
