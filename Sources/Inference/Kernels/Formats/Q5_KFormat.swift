/// Q5_K: as Q4_K, plus 32 bytes of fifth bits after the scales: bit c of byte l is the fifth
/// bit of value l of sub-block c. w = d·scale·q − dmin·min.
enum Q5_KFormat: BlockFormat {
    static let type = GGMLType.q5_K
    static let chunksPerBlock = 8
    static let blockBytes = 176

    @inline(__always)
    static func chunk(_ c: Int, of block: UnsafeRawPointer) -> Chunk32 {
        let (scale, min) = KQuantScales.scaleAndMin(c, block + 4)
        let d = SIMD16<Float>(repeating: block.loadHalf(at: 0) * scale)
        let m = SIMD16<Float>(repeating: block.loadHalf(at: 2) * min)
        let offset = 48 + 32 * (c / 2)
        let shift: UInt32 = c % 2 == 0 ? 0 : 4
        let bit = UInt32(c)
        let fifthLow = ((SIMD16<UInt32>(widening: block.loadBytes16(at: 16)) &>> bit) & 1) &<< 4
        let fifthHigh = ((SIMD16<UInt32>(widening: block.loadBytes16(at: 32)) &>> bit) & 1) &<< 4
        let low = ((SIMD16<UInt32>(widening: block.loadBytes16(at: offset)) &>> shift) & 0xF) | fifthLow
        let high = ((SIMD16<UInt32>(widening: block.loadBytes16(at: offset + 16)) &>> shift) & 0xF) | fifthHigh
        return Chunk32(low: d * SIMD16<Float>(smallIntegers: low) - m,
                       high: d * SIMD16<Float>(smallIntegers: high) - m)
    }
}
