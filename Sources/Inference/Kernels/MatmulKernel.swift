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
        for row in rows {
            if F.isCheapToDecode, op.inputCount == 1 {
                oneInputTwoChains(format, op, row: row, input: 0)
                continue
            }
            var input = 0
            while input < op.inputCount {
                // Constant counts let the unused accumulators fold away.
                switch op.inputCount - input {
                case 1: inputGroup(format, op, row: row, first: input, count: 1)
                case 2: inputGroup(format, op, row: row, first: input, count: 2)
                case 3: inputGroup(format, op, row: row, first: input, count: 3)
                default: inputGroup(format, op, row: row, first: input, count: 4)
                }
                input += 4
            }
        }
    }

    /// One row times inputs first..<first+count (count ≤ 4), in the format's accumulation order.
    @inline(__always)
    private static func inputGroup<F: BlockFormat>(_ format: F.Type, _ op: MatmulOperands, row: Int, first: Int, count: Int) {
        if F.isCheapToDecode {
            evenThenOddChunks(format, op, row: row, first: first, count: count)
        } else {
            store(op, row: row, first: first, count: count, chunkSums(format, op, row: row, first: first, count: count, from: 0, step: 1))
        }
    }

    /// Chunk `c` of the row at `row`, counted across its blocks.
    @inline(__always)
    private static func chunk<F: BlockFormat>(_: F.Type, _ c: Int, ofRow row: UnsafeRawPointer) -> Chunk32 {
        F.chunk(c % F.chunksPerBlock, of: row + (c / F.chunksPerBlock) * F.blockBytes)
    }

    @inline(__always)
    private static func accumulate(_ acc: inout SIMD16<Float>, _ w: Chunk32, _ x: UnsafeRawPointer) {
        acc = acc.addingProduct(w.low, x.loadUnaligned(as: SIMD16<Float>.self))
        acc = acc.addingProduct(w.high, x.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self))
    }

    /// Per input first..<first+count (count ≤ 4), one accumulator over chunks start,
    /// start+step, ... of the row.
    @inline(__always)
    private static func chunkSums<F: BlockFormat>(_: F.Type, _ op: MatmulOperands, row: Int, first: Int, count: Int,
                                                  from start: Int, step: Int) -> Sums4 {
        let w = op.weights + row * op.rowBytes
        let stride = op.inputStride * MemoryLayout<Float>.size
        let x0 = UnsafeRawPointer(op.inputs + first * op.inputStride)
        let x1 = x0 + (count > 1 ? stride : 0)
        let x2 = x0 + (count > 2 ? 2 * stride : 0)
        let x3 = x0 + (count > 3 ? 3 * stride : 0)
        var sums = Sums4()
        var c = start
        while c < op.blocksPerRow * F.chunksPerBlock {
            let weights = chunk(F.self, c, ofRow: w)
            let xo = c * 128
            accumulate(&sums.a0, weights, x0 + xo)
            if count > 1 { accumulate(&sums.a1, weights, x1 + xo) }
            if count > 2 { accumulate(&sums.a2, weights, x2 + xo) }
            if count > 3 { accumulate(&sums.a3, weights, x3 + xo) }
            c += step
        }
        return sums
    }

    /// Four inputs' accumulators.
    struct Sums4 {
        var a0 = SIMD16<Float>(), a1 = SIMD16<Float>(), a2 = SIMD16<Float>(), a3 = SIMD16<Float>()

        @inline(__always)
        static func + (l: Sums4, r: Sums4) -> Sums4 {
            Sums4(a0: l.a0 + r.a0, a1: l.a1 + r.a1, a2: l.a2 + r.a2, a3: l.a3 + r.a3)
        }
    }

    /// Reduces each used accumulator into the output of its input.
    @inline(__always)
    private static func store(_ op: MatmulOperands, row: Int, first: Int, count: Int, _ sums: Sums4) {
        let out = op.output + first * op.outputStride + row
        out[0] = sums.a0.pairwiseSum()
        if count > 1 { out[op.outputStride] = sums.a1.pairwiseSum() }
        if count > 2 { out[2 * op.outputStride] = sums.a2.pairwiseSum() }
        if count > 3 { out[3 * op.outputStride] = sums.a3.pairwiseSum() }
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
            accumulate(&even, chunk(F.self, c, ofRow: w), x + c * 128)
            accumulate(&odd, chunk(F.self, c + 1, ofRow: w), x + (c + 1) * 128)
            c += 2
        }
        if c < chunks {
            accumulate(&even, chunk(F.self, c, ofRow: w), x + c * 128)
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
    private static func evenThenOddChunks<F: BlockFormat>(_ format: F.Type, _ op: MatmulOperands, row: Int, first: Int, count: Int) {
        let even = chunkSums(format, op, row: row, first: first, count: count, from: 0, step: 2)
        let odd = chunkSums(format, op, row: row, first: first, count: count, from: 1, step: 2)
        store(op, row: row, first: first, count: count, even + odd)
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
