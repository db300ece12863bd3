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
    /// True when a chunk decodes in a handful of instructions, so the FMA latency, not the
    /// decoding, bounds a one-input product (see `MatmulKernel`).
    static var isCheapToDecode: Bool { get }
    /// Values 32c..<32c+32 of the block at `block`.
    static func chunk(_ c: Int, of block: UnsafeRawPointer) -> Chunk32
}

extension BlockFormat {
    static var isCheapToDecode: Bool { false }
}
