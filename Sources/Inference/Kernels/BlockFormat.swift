/// 32 consecutive dequantized weights: the unit every kernel works in.
struct Chunk32 {
    var low: SIMD16<Float>
    var high: SIMD16<Float>
}

/// How one GGML tensor type lays out weights: blocks of `chunksPerBlock` × 32 values.
/// Every kernel is generic over this, so each type only says how to decode a chunk.
protocol BlockFormat: SendableMetatype {
    static var type: GGMLType { get }
    static var chunksPerBlock: Int { get }
    static var blockBytes: Int { get }
    /// Values 32c..<32c+32 of the block at `block`.
    static func chunk(_ c: Int, of block: UnsafeRawPointer) -> Chunk32
}
