/// A batch of activation vectors ready for matmuls: the vectors plus the sum of each of their
/// 32-value chunks, which formats with an offset (w = d·q + m) need once per chunk. Computed once
/// and shared by every matrix that reads the same vectors.
struct MatmulInput {
    let vectors: UnsafePointer<Float>
    let stride: Int
    let count: Int
    /// Vector i's chunk c sums to `chunkSums[i * chunksPerVector + c]`.
    let chunkSums: UnsafePointer<Float>
    let chunksPerVector: Int

    /// Calls `body` with `count` vectors of `columns` values (a multiple of 32), `stride` apart.
    static func with<R>(_ vectors: UnsafePointer<Float>, stride: Int, count: Int, columns: Int,
                        _ body: (MatmulInput) -> R) -> R {
        let chunks = columns / 32
        return withUnsafeTemporaryAllocation(of: Float.self, capacity: max(1, count * chunks)) { sums in
            let raw = UnsafeRawPointer(vectors)
            for i in 0..<count {
                for c in 0..<chunks {
                    let at = (i * stride + 32 * c) * MemoryLayout<Float>.size
                    let chunk = raw.loadUnaligned(fromByteOffset: at, as: SIMD16<Float>.self)
                        + raw.loadUnaligned(fromByteOffset: at + 64, as: SIMD16<Float>.self)
                    sums[i * chunks + c] = chunk.pairwiseSum()
                }
            }
            return body(MatmulInput(vectors: vectors, stride: stride, count: count,
                                    chunkSums: UnsafePointer(sums.baseAddress!), chunksPerVector: chunks))
        }
    }
}
