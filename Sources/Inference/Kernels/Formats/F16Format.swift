/// IEEE half-precision weights.
enum F16Format: BlockFormat {
    static let type = GGMLType.f16
    static let chunksPerBlock = 1
    static let blockBytes = 64
    static let isCheapToDecode = true

    @inline(__always)
    static func chunk(_ c: Int, of block: UnsafeRawPointer) -> Chunk32 {
        Chunk32(low: SIMD16(widening: block.loadUnaligned(as: SIMD16<Float16>.self)),
                high: SIMD16(widening: block.loadUnaligned(fromByteOffset: 32, as: SIMD16<Float16>.self)))
    }
}
