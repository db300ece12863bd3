/// 32 weights of one block as small integers: w = d·q + m.
struct IntegerChunk32 {
    /// q of values 0..<16.
    var low: SIMD16<Int16>
    /// q of values 16..<32.
    var high: SIMD16<Int16>
    /// (d, m); m is meaningless for formats without an offset.
    var scaleAndOffset: SIMD2<Float>
}

/// A one-chunk block format whose weights are small integers times a per-block scale (plus an
/// offset), so its products with 8-bit activations run on integers (`IntegerMatmulKernel`).
protocol IntegerBlockFormat: BlockFormat {
    /// True when blocks carry an offset (w = d·q + m): it multiplies the activations' block sums.
    static var hasOffset: Bool { get }
    /// The block's integers (|q| ≤ 128) and its (d, m).
    static func integerChunk(of block: UnsafeRawPointer) -> IntegerChunk32
}
