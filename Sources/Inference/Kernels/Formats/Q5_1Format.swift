/// Q5_1: half scale d, half offset m, 32 fifth bits and 32 four-bit values as in Q5_0;
/// w = d·q + m.
enum Q5_1Format: BlockFormat {
    static let type = GGMLType.q5_1
    static let chunksPerBlock = 1
    static let blockBytes = 24

    @inline(__always)
    static func chunk(_ c: Int, of block: UnsafeRawPointer) -> Chunk32 {
        let d = SIMD16<Float>(repeating: block.loadHalf(at: 0))
        let m = SIMD16<Float>(repeating: block.loadHalf(at: 2))
        let fifth = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 4, as: UInt32.self))
        let bytes = SIMD16<UInt32>(widening: block.loadBytes16(at: 8))
        let low = (bytes & 0xF) | (SIMD16(bitsOf: fifth, from: 0) &<< 4)
        let high = (bytes &>> 4) | (SIMD16(bitsOf: fifth, from: 16) &<< 4)
        return Chunk32(low: SIMD16<Float>(smallIntegers: low) * d + m,
                       high: SIMD16<Float>(smallIntegers: high) * d + m)
    }
}
