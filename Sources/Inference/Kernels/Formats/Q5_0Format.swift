/// Q5_0: half scale d, 32 fifth bits (bit j belongs to value j) and 32 four-bit values as in
/// Q4_0; w = d·(q−16).
enum Q5_0Format: BlockFormat {
    static let type = GGMLType.q5_0
    static let chunksPerBlock = 1
    static let blockBytes = 22

    @inline(__always)
    static func chunk(_ c: Int, of block: UnsafeRawPointer) -> Chunk32 {
        let d = SIMD16<Float>(repeating: block.loadHalf(at: 0))
        // d·q − 16d in one FMA is d·(q − 16) rounded once, as 16d is exact: the same bits.
        let offset = -16 * d
        let fifth = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: 2, as: UInt32.self))
        let bytes = SIMD16<UInt32>(widening: block.loadBytes16(at: 6))
        let low = (bytes & 0xF) | (SIMD16(bitsOf: fifth, from: 0) &<< 4)
        let high = (bytes &>> 4) | (SIMD16(bitsOf: fifth, from: 16) &<< 4)
        // Below 32, so the signed conversion (one instruction) reads them right.
        return Chunk32(low: offset.addingProduct(SIMD16<Float>(converting: unsafeBitCast(low, to: SIMD16<Int32>.self)), d),
                       high: offset.addingProduct(SIMD16<Float>(converting: unsafeBitCast(high, to: SIMD16<Int32>.self)), d))
    }
}
