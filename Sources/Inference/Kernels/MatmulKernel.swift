/// Fused dequantize-and-dot kernels, generic over the block format.
///
/// Every (row, input) pair is accumulated the same way whatever the batch (`DotAccumulator`),
/// so a batch of n inputs gives bit-identical results to n separate calls, which is what makes
/// batched and tree evaluation exact. Only the tile — how many rows and inputs share one pass —
/// changes with the batch:
///
/// - Several inputs: each weight chunk is dequantized once for up to four inputs, which keeps
///   verifying n draft tokens far cheaper than n single steps.
/// - One input: two rows per pass, so two independent FMA chains hide each other's latency
///   (1.4× faster than one row for a Q4_1 matrix in cache).
///
/// Formats that dequantize in a few instructions (`BlockFormat.isCheapToDecode`) would wait
/// on the FMA latency with one accumulator, so they accumulate even and odd chunks separately
/// (for every batch size alike) and take two inputs per pass to stay within 16 AVX2 registers:
/// the Q8_0 output head runs 1.7× faster this way, and 2× faster than with two rows per pass
/// (two memory streams).
enum MatmulKernel {
    static func multiply<F: BlockFormat>(_ format: F.Type, _ op: MatmulOperands, rows: Range<Int>) {
        let inputCount = op.input.count
        if F.isCheapToDecode {
            for row in rows {
                var input = 0
                while input < inputCount {
                    if inputCount - input == 1 {
                        twoInputsTwoChains(format, op, row: row, first: input, count: 1)
                    } else {
                        twoInputsTwoChains(format, op, row: row, first: input, count: 2)
                    }
                    input += 2
                }
            }
            return
        }
        if inputCount == 1 {
            var row = rows.lowerBound
            while row + 1 < rows.upperBound {
                twoRows(format, op, row: row)
                row += 2
            }
            if row < rows.upperBound { fourInputs(format, op, row: row, first: 0, count: 1) }
            return
        }
        for row in rows {
            var input = 0
            while input < inputCount {
                // Constant counts let the unused accumulators fold away.
                switch inputCount - input {
                case 1: fourInputs(format, op, row: row, first: input, count: 1)
                case 2: fourInputs(format, op, row: row, first: input, count: 2)
                case 3: fourInputs(format, op, row: row, first: input, count: 3)
                default: fourInputs(format, op, row: row, first: input, count: 4)
                }
                input += 4
            }
        }
    }

    /// One row times inputs first..<first+count (count ≤ 4).
    @inline(__always)
    private static func fourInputs<F: BlockFormat>(_: F.Type, _ op: MatmulOperands, row: Int, first: Int, count: Int) {
        let w = op.weights + row * op.rowBytes
        let x = op.input, stride = x.stride * MemoryLayout<Float>.size
        let x0 = UnsafeRawPointer(x.vectors + first * x.stride)
        let x1 = x0 + (count > 1 ? stride : 0)
        let x2 = x0 + (count > 2 ? 2 * stride : 0)
        let x3 = x0 + (count > 3 ? 3 * stride : 0)
        let s0 = x.chunkSums + first * x.chunksPerVector
        let s1 = s0 + (count > 1 ? x.chunksPerVector : 0)
        let s2 = s0 + (count > 2 ? 2 * x.chunksPerVector : 0)
        let s3 = s0 + (count > 3 ? 3 * x.chunksPerVector : 0)
        var a0 = DotAccumulator(), a1 = DotAccumulator(), a2 = DotAccumulator(), a3 = DotAccumulator()
        for block in 0..<op.blocksPerRow {
            let offset = block * F.blockBytes
            for c in 0..<F.chunksPerBlock {
                let chunk = F.chunk(c, of: w + offset)
                let index = block * F.chunksPerBlock + c, xo = index * 128
                a0.add(F.self, chunk, x0 + xo, xSum: s0[index])
                if count > 1 { a1.add(F.self, chunk, x1 + xo, xSum: s1[index]) }
                if count > 2 { a2.add(F.self, chunk, x2 + xo, xSum: s2[index]) }
                if count > 3 { a3.add(F.self, chunk, x3 + xo, xSum: s3[index]) }
            }
        }
        let out = op.output + first * op.outputStride + row
        out[0] = a0.total(F.self)
        if count > 1 { out[op.outputStride] = a1.total(F.self) }
        if count > 2 { out[2 * op.outputStride] = a2.total(F.self) }
        if count > 3 { out[3 * op.outputStride] = a3.total(F.self) }
    }

    /// Rows row and row+1 times the only input.
    @inline(__always)
    private static func twoRows<F: BlockFormat>(_: F.Type, _ op: MatmulOperands, row: Int) {
        let w0 = op.weights + row * op.rowBytes, w1 = w0 + op.rowBytes
        let x = UnsafeRawPointer(op.input.vectors), sums = op.input.chunkSums
        var a0 = DotAccumulator(), a1 = DotAccumulator()
        for block in 0..<op.blocksPerRow {
            let offset = block * F.blockBytes
            for c in 0..<F.chunksPerBlock {
                let index = block * F.chunksPerBlock + c, xo = index * 128
                a0.add(F.self, F.chunk(c, of: w0 + offset), x + xo, xSum: sums[index])
                a1.add(F.self, F.chunk(c, of: w1 + offset), x + xo, xSum: sums[index])
            }
        }
        let out = op.output + row
        out[0] = a0.total(F.self)
        out[1] = a1.total(F.self)
    }

    @inline(__always)
    private static func accumulate(_ acc: inout SIMD16<Float>, _ w: Chunk32, _ x: UnsafeRawPointer) {
        acc = acc.addingProduct(w.low, x.loadUnaligned(as: SIMD16<Float>.self))
        acc = acc.addingProduct(w.high, x.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self))
    }

    /// One row times inputs first..<first+count (count ≤ 2), even and odd chunks in separate
    /// accumulators. Only for formats without offsets.
    @inline(__always)
    private static func twoInputsTwoChains<F: BlockFormat>(_: F.Type, _ op: MatmulOperands, row: Int, first: Int, count: Int) {
        let w = op.weights + row * op.rowBytes
        let x0 = UnsafeRawPointer(op.input.vectors + first * op.input.stride)
        let x1 = x0 + (count > 1 ? op.input.stride * MemoryLayout<Float>.size : 0)
        var even0 = SIMD16<Float>(), even1 = SIMD16<Float>(), odd0 = SIMD16<Float>(), odd1 = SIMD16<Float>()
        let chunks = op.blocksPerRow * F.chunksPerBlock
        var c = 0
        while c + 1 < chunks {
            let even = F.chunk(c % F.chunksPerBlock, of: w + (c / F.chunksPerBlock) * F.blockBytes)
            let odd = F.chunk((c + 1) % F.chunksPerBlock, of: w + ((c + 1) / F.chunksPerBlock) * F.blockBytes)
            accumulate(&even0, even, x0 + c * 128)
            accumulate(&odd0, odd, x0 + (c + 1) * 128)
            if count > 1 {
                accumulate(&even1, even, x1 + c * 128)
                accumulate(&odd1, odd, x1 + (c + 1) * 128)
            }
            c += 2
        }
        if c < chunks {
            let last = F.chunk(c % F.chunksPerBlock, of: w + (c / F.chunksPerBlock) * F.blockBytes)
            accumulate(&even0, last, x0 + c * 128)
            if count > 1 { accumulate(&even1, last, x1 + c * 128) }
        }
        let out = op.output + first * op.outputStride + row
        out[0] = (even0 + odd0).pairwiseSum()
        if count > 1 { out[op.outputStride] = (even1 + odd1).pairwiseSum() }
    }

    /// Writes all `columns` values of one row as floats.
    static func dequantizeRow<F: BlockFormat>(_: F.Type, _ row: UnsafeRawPointer, blocks: Int, into out: UnsafeMutablePointer<Float>) {
        let raw = UnsafeMutableRawPointer(out)
        for block in 0..<blocks {
            for c in 0..<F.chunksPerBlock {
                var chunk = F.chunk(c, of: row + block * F.blockBytes)
                if F.hasOffset {
                    chunk.low += SIMD16(repeating: chunk.offset)
                    chunk.high += SIMD16(repeating: chunk.offset)
                }
                let at = (block * F.chunksPerBlock + c) * 128
                raw.storeBytes(of: chunk.low, toByteOffset: at, as: SIMD16<Float>.self)
                raw.storeBytes(of: chunk.high, toByteOffset: at + 64, as: SIMD16<Float>.self)
            }
        }
    }
}
