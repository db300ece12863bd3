/// Fused dequantize-and-dot kernels, generic over the block format.
///
/// Every (row, input) pair is accumulated the same way whatever the tile shape: one SIMD16
/// accumulator, per 32-value chunk an FMA with the first 16 then with the last 16, a fixed
/// pairwise reduction at the end. So a batch of n inputs gives bit-identical results to n
/// separate calls, which is what makes batched and tree evaluation exact.
///
/// One input: four rows per pass (four independent FMA chains hide the FMA latency).
/// Several inputs: one row per pass against four inputs, so each weight chunk is dequantized
/// once for four inputs; this is what keeps verifying n draft tokens far cheaper than n steps.
enum MatmulKernel {
    static let rowsPerTile = 4

    static func multiply<F: BlockFormat>(_ format: F.Type, _ op: MatmulOperands, rows: Range<Int>) {
        if op.inputCount == 1 {
            var row = rows.lowerBound
            while row < rows.upperBound {
                fourRows(format, op, first: row, count: min(4, rows.upperBound - row))
                row += 4
            }
        } else {
            for row in rows {
                var input = 0
                while input < op.inputCount {
                    fourInputs(format, op, row: row, first: input, count: min(4, op.inputCount - input))
                    input += 4
                }
            }
        }
    }

    @inline(__always)
    private static func accumulate(_ acc: inout SIMD16<Float>, _ w: Chunk32, _ x: UnsafeRawPointer) {
        acc = acc.addingProduct(w.low, x.loadUnaligned(as: SIMD16<Float>.self))
        acc = acc.addingProduct(w.high, x.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self))
    }

    /// Rows first..<first+count (count ≤ 4) times the single input; missing rows repeat the last.
    @inline(__always)
    private static func fourRows<F: BlockFormat>(_: F.Type, _ op: MatmulOperands, first: Int, count: Int) {
        let w0 = op.weights + first * op.rowBytes
        let w1 = w0 + (count > 1 ? op.rowBytes : 0)
        let w2 = w0 + (count > 2 ? 2 * op.rowBytes : 0)
        let w3 = w0 + (count > 3 ? 3 * op.rowBytes : 0)
        let x = UnsafeRawPointer(op.inputs)
        var a0 = SIMD16<Float>(), a1 = SIMD16<Float>(), a2 = SIMD16<Float>(), a3 = SIMD16<Float>()
        for block in 0..<op.blocksPerRow {
            let offset = block * F.blockBytes
            for c in 0..<F.chunksPerBlock {
                let xc = x + (block * F.chunksPerBlock + c) * 128
                accumulate(&a0, F.chunk(c, of: w0 + offset), xc)
                accumulate(&a1, F.chunk(c, of: w1 + offset), xc)
                accumulate(&a2, F.chunk(c, of: w2 + offset), xc)
                accumulate(&a3, F.chunk(c, of: w3 + offset), xc)
            }
        }
        let out = op.output + first
        out[0] = a0.pairwiseSum()
        if count > 1 { out[1] = a1.pairwiseSum() }
        if count > 2 { out[2] = a2.pairwiseSum() }
        if count > 3 { out[3] = a3.pairwiseSum() }
    }

    /// One row times inputs first..<first+count (count ≤ 4); missing inputs repeat the first.
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
                accumulate(&a1, chunk, x1 + xo)
                accumulate(&a2, chunk, x2 + xo)
                accumulate(&a3, chunk, x3 + xo)
            }
        }
        let out = op.output + first * op.outputStride + row
        out[0] = a0.pairwiseSum()
        if count > 1 { out[op.outputStride] = a1.pairwiseSum() }
        if count > 2 { out[2 * op.outputStride] = a2.pairwiseSum() }
        if count > 3 { out[3 * op.outputStride] = a3.pairwiseSum() }
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
