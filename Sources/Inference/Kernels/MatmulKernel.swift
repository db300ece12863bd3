/// Fused dequantize-and-dot kernels, generic over the block format.
///
/// Every (row, input) pair is accumulated the same way whatever the batch: one SIMD16
/// accumulator, per 32-value chunk an FMA with the first 16 then with the last 16, a fixed
/// pairwise reduction at the end. So a batch of n inputs gives bit-identical results to n
/// separate calls, which is what makes batched and tree evaluation exact.
///
/// Each weight chunk is dequantized once for up to four inputs: this is what keeps verifying
/// n draft tokens far cheaper than n single steps. (Four rows per pass for a single input was
/// measured no faster for Q4_1 and 1.6× slower for the Q8_0 head, so there is one tile shape.)
///
/// Formats that dequantize in a few instructions (`BlockFormat.isCheapToDecode`) would wait
/// on the FMA latency with one accumulator, so they accumulate even and odd chunks separately
/// (for every batch size alike): the Q8_0 output head runs 1.7× faster this way. One input
/// interleaves the two chains; a batch runs them one after the other, four inputs at a time.
enum MatmulKernel {
    static func multiply<F: BlockFormat>(_ format: F.Type, _ op: MatmulOperands, rows: Range<Int>) {
        if F.isCheapToDecode {
            for row in rows {
                if op.inputCount == 1 {
                    oneInputTwoChains(format, op, row: row, input: 0)
                    continue
                }
                var input = 0
                while input < op.inputCount {
                    switch op.inputCount - input {
                    case 1: evenThenOddChunks(format, op, row: row, first: input, count: 1)
                    case 2: evenThenOddChunks(format, op, row: row, first: input, count: 2)
                    case 3: evenThenOddChunks(format, op, row: row, first: input, count: 3)
                    default: evenThenOddChunks(format, op, row: row, first: input, count: 4)
                    }
                    input += 4
                }
            }
            return
        }
        for row in rows {
            var input = 0
            while input < op.inputCount {
                // Constant counts let the unused accumulators fold away.
                switch op.inputCount - input {
                case 1: fourInputs(format, op, row: row, first: input, count: 1)
                case 2: fourInputs(format, op, row: row, first: input, count: 2)
                case 3: fourInputs(format, op, row: row, first: input, count: 3)
                default: fourInputs(format, op, row: row, first: input, count: 4)
                }
                input += 4
            }
        }
    }

    @inline(__always)
    private static func accumulate(_ acc: inout SIMD16<Float>, _ w: Chunk32, _ x: UnsafeRawPointer) {
        acc = acc.addingProduct(w.low, x.loadUnaligned(as: SIMD16<Float>.self))
        acc = acc.addingProduct(w.high, x.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self))
    }

    /// One row times inputs first..<first+count (count ≤ 4).
    @inline(__always)
    private static func fourInputs<F: BlockFormat>(_: F.Type, _ op: MatmulOperands, row: Int, first: Int, count: Int) {
        let w = op.weights + row * op.rowBytes
        let stride = op.inputStride * MemoryLayout<Float>.size
        let x0 = UnsafeRawPointer(op.inputs + first * op.inputStride)
        let x1 = x0 + (count > 1 ? stride : 0)
        let x2 = x0 + (count > 2 ? 2 * stride : 0)
        let x3 = x0 + (count > 3 ? 3 * stride : 0)
        var a0 = SIMD16<Float>(), a1 = SIMD16<Float>(), a2 = SIMD16<Float>(), a3 = SIMD16<Float>()
        for block in 0..<op.blocksPerRow {
            let offset = block * F.blockBytes
            for c in 0..<F.chunksPerBlock {
                let chunk = F.chunk(c, of: w + offset)
                let xo = (block * F.chunksPerBlock + c) * 128
                accumulate(&a0, chunk, x0 + xo)
                if count > 1 { accumulate(&a1, chunk, x1 + xo) }
                if count > 2 { accumulate(&a2, chunk, x2 + xo) }
                if count > 3 { accumulate(&a3, chunk, x3 + xo) }
            }
        }
        let out = op.output + first * op.outputStride + row
        out[0] = a0.pairwiseSum()
        if count > 1 { out[op.outputStride] = a1.pairwiseSum() }
        if count > 2 { out[2 * op.outputStride] = a2.pairwiseSum() }
        if count > 3 { out[3 * op.outputStride] = a3.pairwiseSum() }
    }

    /// One row times one input, even and odd chunks in separate accumulators, interleaved so
    /// that each waits on the FMA latency half as often.
    @inline(__always)
    private static func oneInputTwoChains<F: BlockFormat>(_: F.Type, _ op: MatmulOperands, row: Int, input: Int) {
        let w = op.weights + row * op.rowBytes
        let x = UnsafeRawPointer(op.inputs + input * op.inputStride)
        var even = SIMD16<Float>(), odd = SIMD16<Float>()
        let chunks = op.blocksPerRow * F.chunksPerBlock
        var c = 0
        while c + 1 < chunks {
            accumulate(&even, F.chunk(c % F.chunksPerBlock, of: w + (c / F.chunksPerBlock) * F.blockBytes), x + c * 128)
            accumulate(&odd, F.chunk((c + 1) % F.chunksPerBlock, of: w + ((c + 1) / F.chunksPerBlock) * F.blockBytes), x + (c + 1) * 128)
            c += 2
        }
        if c < chunks {
            accumulate(&even, F.chunk(c % F.chunksPerBlock, of: w + (c / F.chunksPerBlock) * F.blockBytes), x + c * 128)
        }
        op.output[input * op.outputStride + row] = (even + odd).pairwiseSum()
    }

    /// One row times inputs first..<first+count (count ≤ 4) with the same two chains per input
    /// as `oneInputTwoChains`, run one after the other: even chunks first, then odd ones, so
    /// only one chain per input is live and four inputs share each decoded chunk within 16 AVX2
    /// registers (two inputs per pass decoded the output head's chunks twice for a batch of 4).
    /// Each chain sees the same products in the same order, so the bits are those of the
    /// interleaved loop.
    @inline(__always)
    private static func evenThenOddChunks<F: BlockFormat>(_: F.Type, _ op: MatmulOperands, row: Int, first: Int, count: Int) {
        let w = op.weights + row * op.rowBytes
        let stride = op.inputStride * MemoryLayout<Float>.size
        let x0 = UnsafeRawPointer(op.inputs + first * op.inputStride)
        let x1 = x0 + (count > 1 ? stride : 0)
        let x2 = x0 + (count > 2 ? 2 * stride : 0)
        let x3 = x0 + (count > 3 ? 3 * stride : 0)
        let chunks = op.blocksPerRow * F.chunksPerBlock
        @inline(__always)
        func chain(from start: Int) -> (SIMD16<Float>, SIMD16<Float>, SIMD16<Float>, SIMD16<Float>) {
            var a0 = SIMD16<Float>(), a1 = SIMD16<Float>(), a2 = SIMD16<Float>(), a3 = SIMD16<Float>()
            var c = start
            while c < chunks {
                let chunk = F.chunk(c % F.chunksPerBlock, of: w + (c / F.chunksPerBlock) * F.blockBytes)
                let xo = c * 128
                accumulate(&a0, chunk, x0 + xo)
                if count > 1 { accumulate(&a1, chunk, x1 + xo) }
                if count > 2 { accumulate(&a2, chunk, x2 + xo) }
                if count > 3 { accumulate(&a3, chunk, x3 + xo) }
                c += 2
            }
            return (a0, a1, a2, a3)
        }
        let even = chain(from: 0)
        let odd = chain(from: 1)
        let out = op.output + first * op.outputStride + row
        out[0] = (even.0 + odd.0).pairwiseSum()
        if count > 1 { out[op.outputStride] = (even.1 + odd.1).pairwiseSum() }
        if count > 2 { out[2 * op.outputStride] = (even.2 + odd.2).pairwiseSum() }
        if count > 3 { out[3 * op.outputStride] = (even.3 + odd.3).pairwiseSum() }
    }

    /// Writes all `columns` values of one row as floats.
    static func dequantizeRow<F: BlockFormat>(_: F.Type, _ row: UnsafeRawPointer, blocks: Int, into out: UnsafeMutablePointer<Float>) {
        let raw = UnsafeMutableRawPointer(out)
        for block in 0..<blocks {
            for c in 0..<F.chunksPerBlock {
                let chunk = F.chunk(c, of: row + block * F.blockBytes)
                let at = (block * F.chunksPerBlock + c) * 128
                raw.storeBytes(of: chunk.low, toByteOffset: at, as: SIMD16<Float>.self)
                raw.storeBytes(of: chunk.high, toByteOffset: at + 64, as: SIMD16<Float>.self)
            }
        }
    }
}
