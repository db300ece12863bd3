/// One product of weight rows with a batch of activation vectors:
/// `output[i * outputStride + r] = dot(row r, inputs[i * inputStride ..< +columns])`.
struct MatmulOperands {
    let weights: UnsafeRawPointer
    let rowBytes: Int
    let blocksPerRow: Int
    let inputs: UnsafePointer<Float>
    let inputStride: Int
    let inputCount: Int
    let output: UnsafeMutablePointer<Float>
    let outputStride: Int
}
