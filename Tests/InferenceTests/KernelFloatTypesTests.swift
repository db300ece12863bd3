@testable import Inference
import TestSupport
import Testing

@Suite struct KernelFloatTypesTests {
    @Test func f32() throws {
        var rng = SplitMix64(seed: 1)
        let values = (0..<5 * 64).map { _ in Float.random(in: -2...2, using: &rng) }
        let bytes = values.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v.bitPattern >> (8 * $0)) } }
        try KernelTestCase(type: .f32, rows: 5, columns: 64, bytes: bytes).check { b in
            [Float(bitPattern: b.uint32(at: 0))]
        }
    }

    @Test func f16() throws {
        var rng = SplitMix64(seed: 2)
        let bytes = (0..<6 * 96).flatMap { _ in
            let bits = Float16(Float.random(in: -4...4, using: &rng)).bitPattern
            return [UInt8(bits & 0xFF), UInt8(bits >> 8)]
        }
        try KernelTestCase(type: .f16, rows: 6, columns: 96, bytes: bytes).check { b in [b.half(at: 0)] }
    }

    @Test func bf16() throws {
        var rng = SplitMix64(seed: 3)
        let bytes = (0..<3 * 64).flatMap { _ in
            let bits = UInt16(Float.random(in: -4...4, using: &rng).bitPattern >> 16)
            return [UInt8(bits & 0xFF), UInt8(bits >> 8)]
        }
        try KernelTestCase(type: .bf16, rows: 3, columns: 64, bytes: bytes).check { b in
            [Float(bitPattern: UInt32(b[0]) << 16 | UInt32(b[1]) << 24)]
        }
    }
}
