import Testing
@testable import Inference

/// The 256-value K-quant super-blocks, each against a scalar dequantizer that walks the block
/// in GGML's order.
@Suite struct KernelKQuantTests {
    /// Scale and min j of the 12 packed 6-bit pairs.
    static func scaleMin(_ b: [UInt8], _ j: Int) -> (Float, Float) {
        let q = Array(b[4..<16])
        if j < 4 { return (Float(q[j] & 63), Float(q[j + 4] & 63)) }
        return (Float((q[j + 4] & 0xF) | ((q[j - 4] >> 6) << 4)), Float((q[j + 4] >> 4) | ((q[j] >> 6) << 4)))
    }

    @Test func q4_K() throws {
        try KernelTestCase(type: .q4_K, rows: 3, columns: 512, halfOffsets: [0, 2], seed: 20).check { b in
            let d = b.half(at: 0), dmin = b.half(at: 2)
            var y: [Float] = []
            var q = 16
            for pair in 0..<4 {
                let (s1, m1) = Self.scaleMin(b, 2 * pair), (s2, m2) = Self.scaleMin(b, 2 * pair + 1)
                for l in 0..<32 { y.append(d * s1 * Float(b[q + l] & 0xF) - dmin * m1) }
                for l in 0..<32 { y.append(d * s2 * Float(b[q + l] >> 4) - dmin * m2) }
                q += 32
            }
            return y
        }
    }

    @Test func q5_K() throws {
        try KernelTestCase(type: .q5_K, rows: 3, columns: 256, halfOffsets: [0, 2], seed: 21).check { b in
            let d = b.half(at: 0), dmin = b.half(at: 2)
            var y: [Float] = []
            var ql = 48
            var u1: UInt8 = 1, u2: UInt8 = 2
            for pair in 0..<4 {
                let (s1, m1) = Self.scaleMin(b, 2 * pair), (s2, m2) = Self.scaleMin(b, 2 * pair + 1)
                for l in 0..<32 { y.append(d * s1 * Float(Int(b[ql + l] & 0xF) + (b[16 + l] & u1 != 0 ? 16 : 0)) - dmin * m1) }
                for l in 0..<32 { y.append(d * s2 * Float(Int(b[ql + l] >> 4) + (b[16 + l] & u2 != 0 ? 16 : 0)) - dmin * m2) }
                ql += 32
                u1 <<= 2
                u2 <<= 2
            }
            return y
        }
    }

    @Test func q6_K() throws {
        try KernelTestCase(type: .q6_K, rows: 4, columns: 256, halfOffsets: [208], seed: 22).check { b in
            let d = b.half(at: 208)
            var y = [Float](repeating: 0, count: 256)
            for half in 0..<2 {
                let ql = 64 * half, qh = 128 + 32 * half, sc = 192 + 8 * half, out = 128 * half
                for l in 0..<32 {
                    let s = l / 16
                    let q1 = Int((b[ql + l] & 0xF) | ((b[qh + l] >> 0) & 3) << 4) - 32
                    let q2 = Int((b[ql + l + 32] & 0xF) | ((b[qh + l] >> 2) & 3) << 4) - 32
                    let q3 = Int((b[ql + l] >> 4) | ((b[qh + l] >> 4) & 3) << 4) - 32
                    let q4 = Int((b[ql + l + 32] >> 4) | ((b[qh + l] >> 6) & 3) << 4) - 32
                    y[out + l] = d * Float(b.int8(at: sc + s)) * Float(q1)
                    y[out + l + 32] = d * Float(b.int8(at: sc + s + 2)) * Float(q2)
                    y[out + l + 64] = d * Float(b.int8(at: sc + s + 4)) * Float(q3)
                    y[out + l + 96] = d * Float(b.int8(at: sc + s + 6)) * Float(q4)
                }
            }
            return y
        }
    }
}
