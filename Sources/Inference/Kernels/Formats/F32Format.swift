/// Plain float32 weights, read 32 at a time.
enum F32Format: BlockFormat {
    static let type = GGMLType.f32
    static let chunksPerBlock = 1
    static let blockBytes = 128
    static let isCheapToDecode = true

    @inline(__always)
    static func chunk(_ c: Int, of block: UnsafeRawPointer) -> Chunk32 {
        Chunk32(low: block.loadUnaligned(as: SIMD16<Float>.self),
                high: block.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self))
    }
}
