/// Activation buffers for up to `rows` batch rows, reused across evaluations.
final class ForwardScratch {
    let rows: Int
    let residual: UnsafeMutablePointer<Float>
    let normed: UnsafeMutablePointer<Float>
    let layerOutput: UnsafeMutablePointer<Float>
    let query: UnsafeMutablePointer<Float>
    let attention: UnsafeMutablePointer<Float>
    let gate: UnsafeMutablePointer<Float>
    let up: UnsafeMutablePointer<Float>
    let cosines: UnsafeMutablePointer<Float>
    let sines: UnsafeMutablePointer<Float>
    /// The current matmul input quantized to 8 bits, in q8 activation mode.
    let quantized = QuantizedActivations()
    private(set) var scores: UnsafeMutablePointer<Float>
    private var scoresCapacity: Int
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
        attention = buffer(h.queryDimension)
        gate = buffer(h.feedForwardLength)
        up = buffer(h.feedForwardLength)
        cosines = buffer(h.rope.dimensions / 2)
        sines = buffer(h.rope.dimensions / 2)
        buffers = [residual, normed, layerOutput, query, attention, gate, up, cosines, sines]
        scoresCapacity = 0
        scores = .allocate(capacity: 0)
    }

    deinit {
        for b in buffers { b.deallocate() }
        scores.deallocate()
    }

    /// Room for `count` attention scores.
    func reserveScores(_ count: Int) {
        guard count > scoresCapacity else { return }
        scores.deallocate()
        scores = .allocate(capacity: count)
        scoresCapacity = count
    }
}
