/// Q4_1: half scale d, half offset m and 32 four-bit values (byte j holds values j and j+16);
/// w = d·q + m.
enum Q4_1Format: IntegerBlockFormat {
    static let type = GGMLType.q4_1
    static let chunksPerBlock = 1
    static let blockBytes = 20

    @inline(__always)
    static func chunk(_ c: Int, of block: UnsafeRawPointer) -> Chunk32 {
        let d = SIMD16<Float>(repeating: block.loadHalf(at: 0))
        let m = SIMD16<Float>(repeating: block.loadHalf(at: 2))
        let bytes = SIMD16<UInt32>(widening: block.loadBytes16(at: 4))
        let low = SIMD16<Float>(smallIntegers: bytes & 0xF)
        let high = SIMD16<Float>(smallIntegers: bytes &>> 4)
        return Chunk32(low: low * d + m, high: high * d + m)
    }

    static let hasOffset = true

    @inline(__always)
    static func integerChunk(of block: UnsafeRawPointer) -> IntegerChunk32 {
        let bytes = block.loadBytes16(at: 4)
        return IntegerChunk32(low: SIMD16<Int16>(widening: bytes & 0xF), high: SIMD16<Int16>(widening: bytes &>> 4),
                              scaleAndOffset: block.loadHalves2(at: 0))
    }
}
