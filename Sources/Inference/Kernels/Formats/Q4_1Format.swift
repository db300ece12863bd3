/// Q4_1: half scale d, half offset m and 32 four-bit values (byte j holds values j and j+16);
/// w = d·q + m.
enum Q4_1Format: IntegerBlockFormat {
    static let type = GGMLType.q4_1
    static let chunksPerBlock = 1
    static let blockBytes = 20

    @inline(__always)
    static func chunk(_ c: Int, of block: UnsafeRawPointer) -> Chunk32 {
        let scales = block.loadHalves2(at: 0)
        let d = SIMD16<Float>(repeating: scales.x), m = SIMD16<Float>(repeating: scales.y)
        let bytes = SIMD16<Int32>(widening: block.loadBytes16(at: 4))
        let low = SIMD16<Float>(converting: bytes & 0xF)
        let high = SIMD16<Float>(converting: bytes &>> 4)
        return Chunk32(low: m.addingProduct(low, d), high: m.addingProduct(high, d))
    }

    static let hasOffset = true

    @inline(__always)
    static func integerChunk(of block: UnsafeRawPointer) -> IntegerChunk32 {
        let bytes = block.loadBytes16(at: 4)
        return IntegerChunk32(low: SIMD16<Int16>(widening: bytes & 0xF), high: SIMD16<Int16>(widening: bytes &>> 4),
                              scaleAndOffset: block.loadHalves2(at: 0))
    }
}
