/// One product of weight rows with a batch of 8-bit activation rows (`QuantizedActivations`):
/// `output[i * outputStride + r] = dot(row r, activation row i)`.
struct QuantizedMatmulOperands {
    let weights: UnsafeRawPointer
    let rowBytes: Int
    let blocksPerRow: Int
    /// Block b of input i holds values[(i * blocksPerRow + b) * 32 ..< +32].
    let values: UnsafePointer<Int16>
    /// (d, d·Σq) of block b of input i at [i * blocksPerRow + b].
    let scales: UnsafePointer<SIMD2<Float>>
    let inputCount: Int
    let output: UnsafeMutablePointer<Float>
    let outputStride: Int
}
