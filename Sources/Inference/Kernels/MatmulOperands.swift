/// One product of weight rows with a batch of activation vectors:
/// `output[i * outputStride + r] = dot(row r, input vector i)`.
struct MatmulOperands {
    let weights: UnsafeRawPointer
    let rowBytes: Int
    let blocksPerRow: Int
    let input: MatmulInput
    let output: UnsafeMutablePointer<Float>
    let outputStride: Int
}
