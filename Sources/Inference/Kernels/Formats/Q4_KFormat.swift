/// Q4_K: 256 values in eight sub-blocks of 32. Half d and dmin, 12 bytes of 6-bit scales and
/// mins, then 128 bytes of nibbles: bytes 32p..<32p+32 hold sub-block 2p (low nibbles) and
/// 2p+1 (high nibbles). w = d·scale·q − dmin·min.
enum Q4_KFormat: BlockFormat {
    static let type = GGMLType.q4_K
    static let chunksPerBlock = 8
    static let blockBytes = 144

    @inline(__always)
    static func chunk(_ c: Int, of block: UnsafeRawPointer) -> Chunk32 {
        let (scale, min) = KQuantScales.scaleAndMin(c, block + 4)
        let d = SIMD16<Float>(repeating: block.loadHalf(at: 0) * scale)
        let m = SIMD16<Float>(repeating: block.loadHalf(at: 2) * min)
        let offset = 16 + 32 * (c / 2)
        let shift: UInt32 = c % 2 == 0 ? 0 : 4
        let low = (SIMD16<UInt32>(widening: block.loadBytes16(at: offset)) &>> shift) & 0xF
        let high = (SIMD16<UInt32>(widening: block.loadBytes16(at: offset + 16)) &>> shift) & 0xF
        return Chunk32(low: d * SIMD16<Float>(smallIntegers: low) - m,
                       high: d * SIMD16<Float>(smallIntegers: high) - m)
    }
}
