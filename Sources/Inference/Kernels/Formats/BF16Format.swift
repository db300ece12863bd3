/// bfloat16 weights: the upper 16 bits of a float32.
enum BF16Format: BlockFormat {
    static let type = GGMLType.bf16
    static let chunksPerBlock = 1
    static let blockBytes = 64
    static let isCheapToDecode = true

    @inline(__always)
    static func chunk(_ c: Int, of block: UnsafeRawPointer) -> Chunk32 {
        Chunk32(low: SIMD16(bfloat16: block.loadUnaligned(as: SIMD16<UInt16>.self)),
                high: SIMD16(bfloat16: block.loadUnaligned(fromByteOffset: 32, as: SIMD16<UInt16>.self)))
    }
}
