/// All tensors of a Llama-family model, checked against the hyper-parameters. Matrices stay
/// quantized in the memory-mapped file; only the small norm vectors are copied out as floats.
struct LlamaWeights {
    let tokenEmbedding: WeightMatrix
    let layers: [LlamaLayerWeights]
    let outputNorm: [Float]
    /// The output head: `output.weight`, or the token embedding when the model ties them.
    let output: WeightMatrix
    let ropeFrequencyFactors: [Float]?

    init(gguf: GGUFFile, shape h: LlamaHyperparameters) throws(GGUFError) {
        func tensor(_ name: String) throws(GGUFError) -> GGUFTensorInfo {
            guard let info = gguf.tensor(named: name) else {
                throw GGUFError(path: gguf.path, offset: nil, problem: "missing tensor \(name)")
            }
            return info
        }
        func matrix(_ name: String, rows: Int, columns: Int) throws(GGUFError) -> WeightMatrix {
            let m = try WeightMatrix(tensor(name), in: gguf)
            guard m.rows == rows, m.columns == columns else {
                throw GGUFError(path: gguf.path, offset: nil, problem: "tensor \(name) is \(m.rows)×\(m.columns), expected \(rows)×\(columns)")
            }
            return m
        }
        func vector(_ name: String, count: Int) throws(GGUFError) -> [Float] {
            let info = try tensor(name)
            guard info.elementCount == count else {
                throw GGUFError(path: gguf.path, offset: nil, problem: "tensor \(name) has \(info.elementCount) values, expected \(count)")
            }
            guard info.type == .f32 else {
                throw GGUFError(path: gguf.path, offset: nil, problem: "tensor \(name) is \(info.type.name), expected F32")
            }
            let raw = gguf.data(of: info)
            return (0..<count).map { Float(bitPattern: UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self))) }
        }

        let embedding = try WeightMatrix(tensor("token_embd.weight"), in: gguf)
        guard embedding.columns == h.embeddingLength else {
            throw GGUFError(path: gguf.path, offset: nil, problem: "tensor token_embd.weight has rows of \(embedding.columns), expected \(h.embeddingLength)")
        }
        tokenEmbedding = embedding
        let d = h.embeddingLength
        var layers: [LlamaLayerWeights] = []
        for l in 0..<h.layerCount {
            let p = "blk.\(l)."
            layers.append(LlamaLayerWeights(
                attentionNorm: try vector(p + "attn_norm.weight", count: d),
                query: try matrix(p + "attn_q.weight", rows: h.queryDimension, columns: d),
                key: try matrix(p + "attn_k.weight", rows: h.kvDimension, columns: d),
                value: try matrix(p + "attn_v.weight", rows: h.kvDimension, columns: d),
                attentionOutput: try matrix(p + "attn_output.weight", rows: d, columns: h.queryDimension),
                feedForwardNorm: try vector(p + "ffn_norm.weight", count: d),
                gate: try matrix(p + "ffn_gate.weight", rows: h.feedForwardLength, columns: d),
                up: try matrix(p + "ffn_up.weight", rows: h.feedForwardLength, columns: d),
                down: try matrix(p + "ffn_down.weight", rows: d, columns: h.feedForwardLength)))
        }
        self.layers = layers
        outputNorm = try vector("output_norm.weight", count: d)
        if gguf.tensor(named: "output.weight") != nil {
            output = try matrix("output.weight", rows: embedding.rows, columns: d)
        } else {
            output = embedding
        }
        ropeFrequencyFactors = gguf.tensor(named: "rope_freqs.weight") == nil
            ? nil : try vector("rope_freqs.weight", count: h.rope.dimensions / 2)
    }
}
