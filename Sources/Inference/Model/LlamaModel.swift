import Foundation

/// A Llama-family transformer evaluated on the CPU from a GGUF file: weights stay quantized in
/// the memory map, activations and the KV cache are f32 (the matmuls may take activations
/// quantized to 8 bits instead: `ActivationPrecision`).
///
/// Batches follow `LanguageModel`: each row attends to the committed cache plus its ancestors in
/// the batch, and its keys/values wait in pending slots until `commit(path:)`. Every per-row
/// computation (matmul accumulation, attention order, norms) is independent of the batch it is
/// in, so evaluating tokens together gives the same bits as evaluating them one at a time.
public final class LlamaModel: LanguageModel {
    public let vocabulary: any Vocabulary
    public let shape: LlamaHyperparameters
    public let contextLength: Int
    /// Width of a logits row (rows of the output head).
    public let vocabularySize: Int
    public var layerCount: Int { shape.layerCount }
    public var committedCount: Int { cache.committedCount }
    public var threadCount: Int { pool.threadCount }
    /// f32 (the reference) or 8-bit activations into the matmuls.
    public let activations: ActivationPrecision

    private let file: GGUFFile
    private let weights: LlamaWeights
    private let rope: RotaryEmbedding
    private let pool: WorkerPool
    let cache: KVCache
    private let scratch: ForwardScratch
    /// The last evaluated batch, whose keys/values sit in the pending slots.
    private var pending: (tokens: [BatchToken], writtenLayers: [Bool])?

    /// Batch rows pushed through the layers together; longer batches go in several passes
    /// (each pass sees the keys/values the earlier ones left in the pending slots).
    static let rowsPerPass = 64

    /// - Parameters:
    ///   - threads: threads for matmuls and attention, the caller included.
    ///   - contextLength: KV cache positions; defaults to the model's trained context.
    ///   - activations: how matmuls see activations; f32 unless asked.
    public init(gguf: GGUFFile, vocabulary: any Vocabulary, threads: Int, contextLength: Int? = nil,
                activations: ActivationPrecision = .f32) throws {
        let shape = try LlamaHyperparameters(gguf: gguf)
        guard shape.headDimension % 16 == 0 else {
            throw GGUFError(path: gguf.path, offset: nil, problem: "metadata key \(shape.architecture).attention.key_length: head dimension \(shape.headDimension) is not a multiple of 16")
        }
        let weights = try LlamaWeights(gguf: gguf, shape: shape)
        guard vocabulary.count <= weights.output.rows else {
            throw GGUFError(path: gguf.path, offset: nil, problem: "the vocabulary has \(vocabulary.count) tokens but the output head only \(weights.output.rows) rows")
        }
        if let contextLength, contextLength <= 0 {
            throw ModelError.invalidBatch("context length \(contextLength) must be positive")
        }
        var ropeConfiguration = shape.rope
        ropeConfiguration.frequencyFactors = weights.ropeFrequencyFactors
        self.file = gguf
        self.vocabulary = vocabulary
        self.shape = shape
        self.weights = weights
        self.contextLength = contextLength ?? shape.contextLength
        vocabularySize = weights.output.rows
        self.activations = activations
        rope = RotaryEmbedding(ropeConfiguration)
        pool = WorkerPool(threads: threads)
        cache = KVCache(layerCount: shape.layerCount, capacity: self.contextLength, headCount: shape.kvHeadCount, headDimension: shape.headDimension)
        scratch = ForwardScratch(rows: Self.rowsPerPass, shape: shape)
    }

    public func evaluate(_ batch: [BatchToken], options: EvaluationOptions) throws -> Logits {
        try run(batch, options: options, lensRow: nil).logits
    }

    /// Evaluates like `evaluate`, and also reads out what batch row `row` would predict after
    /// each evaluated layer (final norm + head on its residual stream): the "logit lens".
    /// Costs one extra head product per layer.
    public func evaluateWithLogitLens(_ batch: [BatchToken], options: EvaluationOptions, row: Int) throws -> (logits: Logits, layers: [LogitLensReadout]) {
        guard batch.indices.contains(row) else { throw ModelError.invalidBatch("logit lens row \(row) is outside the batch of \(batch.count)") }
        return try run(batch, options: options, lensRow: row)
    }

    public func commit(path: [Int]) throws {
        guard let pending else {
            if path.isEmpty { return }
            throw ModelError.invalidBatch("nothing to commit: no batch has been evaluated since the last commit or truncate")
        }
        for (j, row) in path.enumerated() {
            guard pending.tokens.indices.contains(row) else { throw ModelError.invalidBatch("commit path row \(row) is outside the batch of \(pending.tokens.count)") }
            let expectedParent = j == 0 ? nil : path[j - 1]
            guard pending.tokens[row].parent == expectedParent else {
                throw ModelError.invalidBatch("commit path is not a root-to-leaf chain: row \(row) follows \(pending.tokens[row].parent.map(String.init) ?? "the cache"), not \(expectedParent.map(String.init) ?? "the cache")")
            }
        }
        cache.commit(rows: path, writtenLayers: pending.writtenLayers)
        self.pending = nil
    }

    public func truncate(to count: Int) {
        pending = nil
        cache.truncate(to: count)
    }

    // MARK: - The forward pass

    private func run(_ tokens: [BatchToken], options: EvaluationOptions, lensRow: Int?) throws -> (logits: Logits, layers: [LogitLensReadout]) {
        pending = nil
        let committed = cache.committedCount
        let plan = try BatchPlan(tokens, vocabularySize: vocabularySize, committed: committed, capacity: contextLength)
        let exitLayer = options.exitLayer ?? layerCount
        guard (0...layerCount).contains(exitLayer) else { throw ModelError.invalidBatch("exit layer \(exitLayer) is outside 0...\(layerCount)") }
        let layers = (0..<exitLayer).filter { !options.skippedLayers.contains($0) }
        for layer in layers where cache.validCount[layer] < committed {
            throw ModelError.invalidBatch("layer \(layer) holds keys for only \(cache.validCount[layer]) of the \(committed) committed positions (they were committed from an early-exit or layer-skipping evaluation); truncate first")
        }
        let outputRows = options.outputRows.indices(batchCount: tokens.count)
        for row in outputRows where !tokens.indices.contains(row) {
            throw ModelError.invalidBatch("output row \(row) is outside the batch of \(tokens.count)")
        }

        // Final-normed residuals of the requested rows, gathered across passes so the output
        // head reads its weights once for all of them.
        let d = shape.embeddingLength
        var headInputs = [Float](repeating: 0, count: outputRows.count * d)
        var readouts: [LogitLensReadout] = []
        let longest = committed + plan.longestChain
        scratch.reserveAttention(keys: longest, blocks: Self.attentionBlocks(keys: longest), shape: shape)
        for first in stride(from: 0, to: tokens.count, by: Self.rowsPerPass) {
            let rows = first..<min(tokens.count, first + Self.rowsPerPass)
            forward(plan, rows: rows, layers: layers, committed: committed) { layer in
                if let lensRow, rows.contains(lensRow) {
                    readouts.append(LogitLensReadout(layer: layer + 1, logits: lensReadout(row: lensRow - rows.lowerBound)))
                }
            }
            headInputs.withUnsafeMutableBufferPointer { inputs in
                for (k, row) in outputRows.enumerated() where rows.contains(row) {
                    finalNorm(row: row - rows.lowerBound, into: inputs.baseAddress! + k * d)
                }
            }
        }
        var logits = [Float](repeating: 0, count: outputRows.count * vocabularySize)
        if !outputRows.isEmpty {
            headInputs.withUnsafeBufferPointer { inputs in
                logits.withUnsafeMutableBufferPointer { out in
                    multiply(weights.output, inputs.baseAddress!, stride: d, count: outputRows.count,
                             quantized: quantized(inputs.baseAddress!, stride: d, count: outputRows.count, columns: d),
                             into: out.baseAddress!, outputStride: vocabularySize)
                }
            }
        }
        // Damaged weights give NaN or ∞; every number shown downstream would be meaningless.
        if let bad = logits.firstIndex(where: { !$0.isFinite }) {
            pending = nil
            throw ModelError.nonFiniteLogits(position: tokens[outputRows[bad / vocabularySize]].position)
        }
        pending = (tokens, (0..<layerCount).map { layers.contains($0) })
        return (Logits(vocabularySize: vocabularySize, batchRows: outputRows, values: logits), readouts)
    }

    /// Runs batch rows `rows` through `layers`, leaving their residual streams in the scratch.
    private func forward(_ plan: BatchPlan, rows: Range<Int>, layers: [Int], committed: Int, afterLayer: (Int) -> Void) {
        let s = scratch, h = shape
        let n = rows.count, d = h.embeddingLength
        let firstSlot = committed + rows.lowerBound
        for i in 0..<n {
            let token = plan.tokens[rows.lowerBound + i]
            weights.tokenEmbedding.dequantizeRow(Int(token.token), into: s.residual + i * d)
            rope.angles(at: token.position, cos: s.cosines + i * rope.pairCount, sin: s.sines + i * rope.pairCount)
        }
        for l in layers {
            let layer = weights.layers[l]
            // Attention: norm, project to q/k/v, rotate, store k and v in their cache slots.
            rmsNorm(rows: n, weight: layer.attentionNorm)
            var q8 = quantized(s.normed, stride: d, count: n, columns: d)
            multiply(layer.query, s.normed, stride: d, count: n, quantized: q8, into: s.query, outputStride: h.queryDimension)
            multiply(layer.key, s.normed, stride: d, count: n, quantized: q8, into: s.keys, outputStride: h.kvDimension)
            multiply(layer.value, s.normed, stride: d, count: n, quantized: q8, into: s.values, outputStride: h.kvDimension)
            for i in 0..<n {
                let cos = s.cosines + i * rope.pairCount, sin = s.sines + i * rope.pairCount
                for head in 0..<h.headCount { rope.apply(to: s.query + i * h.queryDimension + head * h.headDimension, cos: cos, sin: sin) }
                for head in 0..<h.kvHeadCount { rope.apply(to: s.keys + i * h.kvDimension + head * h.headDimension, cos: cos, sin: sin) }
            }
            cache.store(layer: l, firstSlot: firstSlot, rows: n, keys: s.keys, values: s.values, stride: h.kvDimension)
            attend(plan, rows: rows, layer: l, committed: committed)
            q8 = quantized(s.attention, stride: h.queryDimension, count: n, columns: h.queryDimension)
            multiply(layer.attentionOutput, s.attention, stride: h.queryDimension, count: n, quantized: q8, into: s.layerOutput, outputStride: d)
            addToResidual(rows: n)

            // Feed-forward: norm, SwiGLU, down projection.
            rmsNorm(rows: n, weight: layer.feedForwardNorm)
            q8 = quantized(s.normed, stride: d, count: n, columns: d)
            multiply(layer.gate, s.normed, stride: d, count: n, quantized: q8, into: s.gate, outputStride: h.feedForwardLength)
            multiply(layer.up, s.normed, stride: d, count: n, quantized: q8, into: s.up, outputStride: h.feedForwardLength)
            VectorMath.swiGLU(gate: s.gate, up: s.up, count: n * h.feedForwardLength)
            q8 = quantized(s.gate, stride: h.feedForwardLength, count: n, columns: h.feedForwardLength)
            multiply(layer.down, s.gate, stride: h.feedForwardLength, count: n, quantized: q8, into: s.layerOutput, outputStride: d)
            addToResidual(rows: n)
            afterLayer(l)
        }
    }

    /// Keys per attention work item. A long context is split into blocks so that both threads
    /// stream the key/value cache even for one row (2.3 MB per layer at 1,500 positions): one
    /// token there took 15 ms instead of 18-23 with an item per (row, head); blocks of 32 were
    /// slower again. Fixed, so a row's result never depends on the batch or the thread count.
    static let keysPerAttentionBlock = 64

    static func attentionBlocks(keys: Int) -> Int { (keys + keysPerAttentionBlock - 1) / keysPerAttentionBlock }

    /// Scaled dot-product attention of each row and head over the committed positions followed by
    /// the row's ancestors (root first) and itself, in that order.
    ///
    /// Split-key ("flash-decoding") form: each (row, key/value head, key block) item computes,
    /// for the query heads that share the key/value head, the block's scores, their maximum m,
    /// e^(score - m), the sum of those and the weighted sum of values; a second pass merges the
    /// blocks in order, rescaling each by e^(m - max m).
    private func attend(_ plan: BatchPlan, rows: Range<Int>, layer: Int, committed: Int) {
        let s = scratch, h = shape
        let groupSize = h.headCount / h.kvHeadCount
        let scale = 1 / Float(h.headDimension).squareRoot()
        let keysPerHead = committed + plan.longestChain
        let blocks = Self.attentionBlocks(keys: keysPerHead)
        let blockKeys = Self.keysPerAttentionBlock
        func keyCount(_ i: Int) -> Int { committed + plan.chain(of: rows.lowerBound + i).count }
        func partial(_ i: Int, _ head: Int, _ block: Int) -> Int { (i * h.headCount + head) * blocks + block }
        pool.parallelFor(rows.count * h.kvHeadCount * blocks) { item in
            let block = item % blocks, kvHead = item / blocks % h.kvHeadCount, i = item / (blocks * h.kvHeadCount)
            let chain = plan.chain(of: rows.lowerBound + i)
            let start = block * blockKeys, end = min(committed + chain.count, start + blockKeys)
            guard start < end else { return }
            let keys = start..<end
            let heads = kvHead * groupSize..<(kvHead + 1) * groupSize
            func slot(_ j: Int) -> Int { j < committed ? j : committed + chain[chain.startIndex + j - committed] }
            func scores(_ head: Int) -> UnsafeMutablePointer<Float> { s.scores.base + (i * h.headCount + head) * keysPerHead + keys.lowerBound }
            for j in keys {
                let key = cache.key(layer: layer, head: kvHead, slot: slot(j))
                for head in heads {
                    scores(head)[j - keys.lowerBound] = VectorMath.dot(s.query + i * h.queryDimension + head * h.headDimension, key, count: h.headDimension) * scale
                }
            }
            for head in heads {
                let at = partial(i, head, block)
                let (maximum, sum) = VectorMath.exponentiate(scores(head), count: keys.count)
                s.partialMaxima.base[at] = maximum
                s.partialSums.base[at] = sum
                VectorMath.weightedSum(count: keys.count, weights: scores(head), width: h.headDimension,
                                       row: { UnsafePointer(cache.value(layer: layer, head: kvHead, slot: slot(keys.lowerBound + $0))) },
                                       into: s.partialOutputs.base + at * h.headDimension)
            }
        }
        pool.parallelFor(rows.count * h.headCount) { item in
            let i = item / h.headCount, head = item % h.headCount
            let used = Self.attentionBlocks(keys: keyCount(i))
            let first = partial(i, head, 0)
            VectorMath.mergeSoftmaxBlocks(count: used, maxima: s.partialMaxima.base + first, sums: s.partialSums.base + first,
                                          outputs: s.partialOutputs.base + first * h.headDimension, width: h.headDimension,
                                          into: s.attention + i * h.queryDimension + head * h.headDimension)
        }
    }

    /// Weight types among this model's matmuls that have no integer kernel, by name: in q8
    /// mode those matrices keep f32 activations (so a user asking for q8 can be told).
    public var typesWithoutIntegerKernel: [String] {
        let matrices = weights.layers.flatMap(\.matrices) + [weights.output]
        return Set(matrices.filter { !$0.hasIntegerKernel }.map(\.type.name)).sorted()
    }

    /// In q8 mode, the rows quantized into the scratch buffer (replacing what it held); nil in
    /// f32 mode or when rows do not split into 32-value blocks.
    private func quantized(_ inputs: UnsafePointer<Float>, stride: Int, count: Int, columns: Int) -> QuantizedActivations? {
        guard activations == .q8, columns % 32 == 0 else { return nil }
        scratch.quantized.quantize(inputs, stride: stride, count: count, columns: columns)
        return scratch.quantized
    }

    /// `matrix` times the activation rows: the integer kernel when they were quantized and the
    /// matrix has one, else the f32 kernel.
    private func multiply(_ matrix: WeightMatrix, _ inputs: UnsafePointer<Float>, stride: Int, count: Int,
                          quantized: QuantizedActivations?, into output: UnsafeMutablePointer<Float>, outputStride: Int) {
        if let quantized, matrix.hasIntegerKernel {
            matrix.multiply(quantized: quantized, output: output, outputStride: outputStride, pool: pool)
        } else {
            matrix.multiply(inputs: inputs, inputStride: stride, inputCount: count, output: output, outputStride: outputStride, pool: pool)
        }
    }

    private func rmsNorm(rows n: Int, weight: [Float]) {
        let d = shape.embeddingLength
        weight.withUnsafeBufferPointer { w in
            for i in 0..<n {
                VectorMath.rmsNorm(scratch.residual + i * d, weight: w.baseAddress!, epsilon: shape.rmsEpsilon, count: d, into: scratch.normed + i * d)
            }
        }
    }

    private func addToResidual(rows n: Int) {
        for i in 0..<n * shape.embeddingLength { scratch.residual[i] += scratch.layerOutput[i] }
    }

    /// The final norm of one row of the current pass.
    private func finalNorm(row i: Int, into out: UnsafeMutablePointer<Float>) {
        let d = shape.embeddingLength
        weights.outputNorm.withUnsafeBufferPointer { w in
            VectorMath.rmsNorm(scratch.residual + i * d, weight: w.baseAddress!, epsilon: shape.rmsEpsilon, count: d, into: out)
        }
    }

    private func lensReadout(row i: Int) -> [Float] {
        let d = shape.embeddingLength
        finalNorm(row: i, into: scratch.normed)
        return [Float](unsafeUninitializedCapacity: vocabularySize) { buffer, count in
            multiply(weights.output, scratch.normed, stride: d, count: 1,
                     quantized: quantized(scratch.normed, stride: d, count: 1, columns: d),
                     into: buffer.baseAddress!, outputStride: vocabularySize)
            count = vocabularySize
        }
    }
}
