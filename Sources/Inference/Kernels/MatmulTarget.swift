/// A matrix and where its product goes: `output[i * outputStride + r]` for input i and row r.
struct MatmulTarget {
    let matrix: WeightMatrix
    let output: UnsafeMutablePointer<Float>
    let outputStride: Int
}
