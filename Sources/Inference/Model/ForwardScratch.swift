/// Activation buffers for up to `rows` batch rows, reused across evaluations.
final class ForwardScratch {
    let rows: Int
    let residual: UnsafeMutablePointer<Float>
    let normed: UnsafeMutablePointer<Float>
    let layerOutput: UnsafeMutablePointer<Float>
    let query: UnsafeMutablePointer<Float>
    /// This pass's keys and values before they go to the cache.
    let keys: UnsafeMutablePointer<Float>
    let values: UnsafeMutablePointer<Float>
    let attention: UnsafeMutablePointer<Float>
    let gate: UnsafeMutablePointer<Float>
    let up: UnsafeMutablePointer<Float>
    let cosines: UnsafeMutablePointer<Float>
    let sines: UnsafeMutablePointer<Float>
    /// The current matmul input quantized to 8 bits, in q8 activation mode.
    let quantized = QuantizedActivations()
    /// Attention scores, per (row, head) a run of keys.
    let scores = ScratchArray<Float>()
    /// Per (row, head, key block): the block's unnormalised attention output, its largest score
    /// and the sum of its exponentials (see `LlamaModel.attend`).
    let partialOutputs = ScratchArray<Float>()
    let partialMaxima = ScratchArray<Float>()
    let partialSums = ScratchArray<Double>()
    private let buffers: [UnsafeMutablePointer<Float>]

    init(rows: Int, shape h: LlamaHyperparameters) {
        self.rows = rows
        func buffer(_ width: Int) -> UnsafeMutablePointer<Float> {
            let b = UnsafeMutablePointer<Float>.allocate(capacity: rows * width)
            b.initialize(repeating: 0, count: rows * width)
            return b
        }
        residual = buffer(h.embeddingLength)
        normed = buffer(h.embeddingLength)
        layerOutput = buffer(h.embeddingLength)
        query = buffer(h.queryDimension)
        keys = buffer(h.kvDimension)
        values = buffer(h.kvDimension)
        attention = buffer(h.queryDimension)
        gate = buffer(h.feedForwardLength)
        up = buffer(h.feedForwardLength)
        cosines = buffer(h.rope.dimensions / 2)
        sines = buffer(h.rope.dimensions / 2)
        buffers = [residual, normed, layerOutput, query, keys, values, attention, gate, up, cosines, sines]
    }

    deinit {
        for b in buffers { b.deallocate() }
    }

    /// Room for attention over `keys` positions: scores, and partial results for `blocks` key
    /// blocks, for every row and head of a pass.
    func reserveAttention(keys: Int, blocks: Int, shape h: LlamaHyperparameters) {
        let heads = rows * h.headCount
        scores.reserve(heads * keys)
        partialOutputs.reserve(heads * blocks * h.headDimension)
        partialMaxima.reserve(heads * blocks)
        partialSums.reserve(heads * blocks)
    }
}
