/// The tensors of one transformer block.
struct LlamaLayerWeights {
    let attentionNorm: [Float]
    let query: WeightMatrix
    let key: WeightMatrix
    let value: WeightMatrix
    let attentionOutput: WeightMatrix
    let feedForwardNorm: [Float]
    let gate: WeightMatrix
    let up: WeightMatrix
    let down: WeightMatrix

    /// The matrices the forward pass multiplies activations by.
    var matrices: [WeightMatrix] { [query, key, value, attentionOutput, gate, up, down] }
}
