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

    /// out += scale · x over a multiple of 16 values.
    @inline(__always)
    static func addScaled(_ x: UnsafePointer<Float>, scale: Float, count: Int, into out: UnsafeMutablePointer<Float>) {
        let rx = UnsafeRawPointer(x), ro = UnsafeMutableRawPointer(out)
        let s = SIMD16<Float>(repeating: scale)
        for offset in stride(from: 0, to: count * 4, by: 64) {
            let sum = ro.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self)
                .addingProduct(rx.loadUnaligned(fromByteOffset: offset, as: SIMD16<Float>.self), s)
            ro.storeBytes(of: sum, toByteOffset: offset, as: SIMD16<Float>.self)
        }
    }

    /// In-place softmax; the normalizer is accumulated in Double, as GGML does.
    static func softmax(_ x: UnsafeMutablePointer<Float>, count: Int) {
        var maximum = -Float.infinity
        for i in 0..<count { maximum = max(maximum, x[i]) }
        var sum: Double = 0
        for i in 0..<count {
            let e = exp(x[i] - maximum)
            x[i] = e
            sum += Double(e)
        }
        let inverse = Float(1 / sum)
        for i in 0..<count { x[i] *= inverse }
    }

    /// gate = silu(gate) · up, the SwiGLU activation.
    static func swiGLU(gate: UnsafeMutablePointer<Float>, up: UnsafePointer<Float>, count: Int) {
        for i in 0..<count {
            let g = gate[i]
            gate[i] = g / (1 + exp(-g)) * up[i]
        }
    }
}
