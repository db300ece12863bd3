import Testing
@testable import Inference

/// The 32-value block types, each against a scalar dequantizer written from the GGML layout.
@Suite struct KernelLegacyQuantTests {
    @Test func q8_0() throws {
        try KernelTestCase(type: .q8_0, rows: 7, columns: 96, halfOffsets: [0], seed: 10).check { b in
            let d = b.half(at: 0)
            return (0..<32).map { Float(b.int8(at: 2 + $0)) * d }
        }
    }

    @Test func q4_0() throws {
        try KernelTestCase(type: .q4_0, rows: 9, columns: 64, halfOffsets: [0], seed: 11).check { b in
            let d = b.half(at: 0)
            var y = [Float](repeating: 0, count: 32)
            for j in 0..<16 {
                y[j] = Float(Int(b[2 + j] & 0xF) - 8) * d
                y[j + 16] = Float(Int(b[2 + j] >> 4) - 8) * d
            }
            return y
        }
    }

    @Test func q4_1() throws {
        try KernelTestCase(type: .q4_1, rows: 6, columns: 128, halfOffsets: [0, 2], seed: 12).check { b in
            let d = b.half(at: 0), m = b.half(at: 2)
            var y = [Float](repeating: 0, count: 32)
            for j in 0..<16 {
                y[j] = Float(b[4 + j] & 0xF) * d + m
                y[j + 16] = Float(b[4 + j] >> 4) * d + m
            }
            return y
        }
    }

    @Test func q5_0() throws {
        try KernelTestCase(type: .q5_0, rows: 5, columns: 64, halfOffsets: [0], seed: 13).check { b in
            let d = b.half(at: 0), qh = b.uint32(at: 2)
            var y = [Float](repeating: 0, count: 32)
            for j in 0..<16 {
                let high0 = Int((qh >> UInt32(j)) & 1) << 4
                let high1 = Int((qh >> UInt32(j + 16)) & 1) << 4
                y[j] = Float((Int(b[6 + j] & 0xF) | high0) - 16) * d
                y[j + 16] = Float((Int(b[6 + j] >> 4) | high1) - 16) * d
            }
            return y
        }
    }

    @Test func q5_1() throws {
        try KernelTestCase(type: .q5_1, rows: 5, columns: 96, halfOffsets: [0, 2], seed: 14).check { b in
            let d = b.half(at: 0), m = b.half(at: 2), qh = b.uint32(at: 4)
            var y = [Float](repeating: 0, count: 32)
            for j in 0..<16 {
                let high0 = Int((qh >> UInt32(j)) & 1) << 4
                let high1 = Int((qh >> UInt32(j + 16)) & 1) << 4
                y[j] = Float(Int(b[8 + j] & 0xF) | high0) * d + m
                y[j + 16] = Float(Int(b[8 + j] >> 4) | high1) * d + m
            }
            return y
        }
    }
}
