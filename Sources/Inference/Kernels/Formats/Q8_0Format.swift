/// Q8_0: a half scale d and 32 signed bytes; w = d·q.
enum Q8_0Format: IntegerBlockFormat {
    static let type = GGMLType.q8_0
    static let chunksPerBlock = 1
    static let blockBytes = 34
    static let isCheapToDecode = true

    @inline(__always)
    static func chunk(_ c: Int, of block: UnsafeRawPointer) -> Chunk32 {
        let d = SIMD16<Float>(repeating: block.loadHalf(at: 0))
        let low = SIMD16<Float>(widening: block.loadUnaligned(fromByteOffset: 2, as: SIMD16<Int8>.self))
        let high = SIMD16<Float>(widening: block.loadUnaligned(fromByteOffset: 18, as: SIMD16<Int8>.self))
        return Chunk32(low: low * d, high: high * d)
    }

    static let hasOffset = false

    @inline(__always)
    static func integerChunk(of block: UnsafeRawPointer) -> IntegerChunk32 {
        IntegerChunk32(low: SIMD16<Int16>(widening: block.loadUnaligned(fromByteOffset: 2, as: SIMD16<Int8>.self)),
                       high: SIMD16<Int16>(widening: block.loadUnaligned(fromByteOffset: 18, as: SIMD16<Int8>.self)),
                       scaleAndOffset: SIMD2(block.loadHalf(at: 0), 0))
    }
}
