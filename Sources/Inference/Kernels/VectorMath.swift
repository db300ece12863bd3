import Foundation

/// Small vector kernels of the forward pass. Each reduces in one fixed order so a row gives the
/// same bits whichever batch it is evaluated in.
enum VectorMath {
    /// out = x / rms(x) · weight. The mean square is accumulated in Double, as GGML does.
    static func rmsNorm(_ x: UnsafePointer<Float>, weight: UnsafePointer<Float>, epsilon: Float,
                        count: Int, into out: UnsafeMutablePointer<Float>) {
        var sum: Double = 0
        for i in 0..<count { sum += Double(x[i] * x[i]) }
        let scale = 1 / (Float(sum / Double(count)) + epsilon).squareRoot()
        for i in 0..<count { out[i] = x[i] * scale * weight[i] }
    }

    /// Σ a[i]·b[i] over a multiple of 16 values.
    @inline(__always)
    static func dot(_ a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, count: Int) -> Float {
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        var acc = SIMD16<Float>()
        for offset in stride(from: 0, to: count * 4, by: 64) {
            acc = acc.addingProduct(ra.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self),
                                    rb.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self))
        }
        return acc.pairwiseSum()
    }

    /// x ← e^(x - max x) in place; returns max x and the sum of the exponentials, accumulated
    /// in Double as GGML's softmax does. Eight scores at a time through `SinglePrecisionExp`
    /// (libm's scalar `expf` took a quarter of attention); a score more than `domain` below the
    /// maximum weighs 0, as e^-80 is below 1e-34.
    static func exponentiate(_ x: UnsafeMutablePointer<Float>, count: Int) -> (maximum: Float, sum: Double) {
        var maximum = -Float.infinity
        for i in 0..<count { maximum = max(maximum, x[i]) }
        let raw = UnsafeMutableRawPointer(x)
        var sums = SIMD8<Double>()
        for chunk in 0..<count / 8 {
            let shifted = raw.loadUnaligned(fromByteOffset: chunk &* 32, as: SIMD8<Float>.self) - maximum
            let e = SinglePrecisionExp.expOrZero(shifted)
            raw.storeBytes(of: e, toByteOffset: chunk &* 32, as: SIMD8<Float>.self)
            sums += e.widenedToDouble
        }
        var sum = sums.sum()
        for i in count / 8 * 8..<count {
            let e = exp(x[i] - maximum)
            x[i] = e
            sum += Double(e)
        }
        return (maximum, sum)
    }

    /// The softmax-weighted sum over several key blocks from each block's unnormalised sum
    /// `outputs[b]` (width values), its maximum score and its sum of exponentials: blocks are
    /// rescaled by e^(max_b - max) and merged in order, then divided by the total.
    static func mergeSoftmaxBlocks(count: Int, maxima: UnsafePointer<Float>, sums: UnsafePointer<Double>,
                                   outputs: UnsafePointer<Float>, width: Int, into out: UnsafeMutablePointer<Float>) {
        var maximum = -Float.infinity
        for b in 0..<count { maximum = max(maximum, maxima[b]) }
        var total: Double = 0
        for b in 0..<count { total += sums[b] * Double(exp(maxima[b] - maximum)) }
        let inverse = Float(1 / total)
        for k in 0..<width { out[k] = 0 }
        for b in 0..<count {
            let weight = exp(maxima[b] - maximum) * inverse
            let block = outputs + b * width
            for k in 0..<width { out[k] = out[k].addingProduct(block[k], weight) }
        }
    }

    /// out = Σ_j weights[j] · row(j) over `count` rows of `width` values (a multiple of 16),
    /// summed in j order. Up to four 16-value slices of `out` stay in registers across the rows:
    /// adding into memory row by row waited on store-to-load forwarding every step.
    @inline(__always)
    static func weightedSum(count: Int, weights: UnsafePointer<Float>, width: Int,
                            row: (Int) -> UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        let slices = width / 16
        var first = 0
        while first < slices {
            // Constant slice counts keep the per-row loop free of branches.
            switch slices - first {
            case 1: weightedSlices(1, from: first, count: count, weights: weights, row: row, into: out)
            case 2: weightedSlices(2, from: first, count: count, weights: weights, row: row, into: out)
            case 3: weightedSlices(3, from: first, count: count, weights: weights, row: row, into: out)
            default: weightedSlices(4, from: first, count: count, weights: weights, row: row, into: out)
            }
            first += 4
        }
    }

    /// `weightedSum` for slices first..<first+live (live ≤ 4).
    @inline(__always)
    private static func weightedSlices(_ live: Int, from first: Int, count: Int, weights: UnsafePointer<Float>,
                                       row: (Int) -> UnsafePointer<Float>, into out: UnsafeMutablePointer<Float>) {
        let offset = first &* 64
        var a0 = SIMD16<Float>(), a1 = SIMD16<Float>(), a2 = SIMD16<Float>(), a3 = SIMD16<Float>()
        for j in 0..<count {
            let r = UnsafeRawPointer(row(j)) + offset
            let w = SIMD16<Float>(repeating: weights[j])
            a0 = a0.addingProduct(r.loadUnaligned(as: SIMD16<Float>.self), w)
            if live > 1 { a1 = a1.addingProduct(r.loadUnaligned(fromByteOffset: 64, as: SIMD16<Float>.self), w) }
            if live > 2 { a2 = a2.addingProduct(r.loadUnaligned(fromByteOffset: 128, as: SIMD16<Float>.self), w) }
            if live > 3 { a3 = a3.addingProduct(r.loadUnaligned(fromByteOffset: 192, as: SIMD16<Float>.self), w) }
        }
        let o = UnsafeMutableRawPointer(out) + offset
        o.storeBytes(of: a0, as: SIMD16<Float>.self)
        if live > 1 { o.storeBytes(of: a1, toByteOffset: 64, as: SIMD16<Float>.self) }
        if live > 2 { o.storeBytes(of: a2, toByteOffset: 128, as: SIMD16<Float>.self) }
        if live > 3 { o.storeBytes(of: a3, toByteOffset: 192, as: SIMD16<Float>.self) }
    }

    /// gate = silu(gate) · up, the SwiGLU activation, eight values at a time through
    /// `SinglePrecisionExp` (libm's scalar `expf` was most of this loop). silu(g) = g·σ(g) with
    /// e = e^-|g| kept in the exp's domain: σ(g) = 1/(1 + e) for g ≥ 0 and e/(1 + e) below;
    /// beyond |g| = 80, e^-|g| < 1e-34 counts as 0.
    static func swiGLU(gate: UnsafeMutablePointer<Float>, up: UnsafePointer<Float>, count: Int) {
        let rawGate = UnsafeMutableRawPointer(gate), rawUp = UnsafeRawPointer(up)
        for chunk in 0..<count / 8 {
            let g = rawGate.loadUnaligned(fromByteOffset: chunk &* 32, as: SIMD8<Float>.self)
            let negativeMagnitude = -unsafeBitCast(unsafeBitCast(g, to: SIMD8<UInt32>.self) & 0x7FFF_FFFF, to: SIMD8<Float>.self)
            let e = SinglePrecisionExp.expOrZero(negativeMagnitude)
            let numerator = SIMD8<Float>(repeating: 1).replacing(with: e, where: g .< 0)
            let silu = g * numerator / (1 + e)
            rawGate.storeBytes(of: silu * rawUp.loadUnaligned(fromByteOffset: chunk &* 32, as: SIMD8<Float>.self),
                               toByteOffset: chunk &* 32, as: SIMD8<Float>.self)
        }
        for i in count / 8 * 8..<count {
            let g = gate[i]
            gate[i] = g / (1 + exp(-g)) * up[i]
        }
    }
}
