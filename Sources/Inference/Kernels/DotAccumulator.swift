/// One (weight row, input vector) dot product in progress. Every pair accumulates through this,
/// chunk by chunk in row order, whatever tile of rows and inputs it is computed in: that is what
/// keeps batched results bit-identical to single ones.
struct DotAccumulator {
    private var vector = SIMD16<Float>()
    /// Σ offset·(chunk sum of the input), for formats with offsets.
    private var offsets: Float = 0

    /// Adds chunk `w` times the 32 inputs at `x`, whose sum is `xSum`.
    @inline(__always)
    mutating func add<F: BlockFormat>(_: F.Type, _ w: Chunk32, _ x: UnsafeRawPointer, xSum: @autoclosure () -> Float) {
        vector = vector.addingProduct(w.low, x.loadUnaligned(as: SIMD16<Float>.self))
        vector = vector.addingProduct(w.high, x.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self))
        if F.hasOffset { offsets = offsets.addingProduct(w.offset, xSum()) }
    }

    @inline(__always)
    func total<F: BlockFormat>(_: F.Type) -> Float {
        F.hasOffset ? vector.pairwiseSum() + offsets : vector.pairwiseSum()
    }
}
