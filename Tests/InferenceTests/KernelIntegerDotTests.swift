import Testing
@testable import Inference
import TestSupport

/// The 8-bit activation path: the quantizer against a scalar version of llama.cpp's Q8_1 rule,
/// the integer kernels against scalar integer arithmetic, and batches against separate calls.
@Suite struct KernelIntegerDotTests {
    /// One block quantized the scalar way: (integers, d as a half, d·Σq as a half).
    static func referenceQuantize(_ x: ArraySlice<Float>) -> (q: [Int], scale: Float, sum: Float) {
        let magnitude = x.reduce(0) { max($0, abs($1)) }
        let d = magnitude / 127
        let inverse: Float = magnitude != 0 ? 127 / magnitude : 0
        let q = x.map { Int(($0 * inverse).rounded(.toNearestOrEven)) }
        return (q, Float(Float16(d)), Float(Float16(d * Float(q.reduce(0, +)))))
    }

    static func randomActivations(rows: Int, columns: Int, seed: UInt64) -> [Float] {
        var rng = SplitMix64(seed: seed)
        // Mostly small values with a few outliers, like real activations; one all-zero block.
        return (0..<rows * columns).map { i in
            if i < 32 { return 0 }
            let v = Float.random(in: -1...1, using: &rng)
            return i % 97 == 0 ? v * 40 : v
        }
    }

    @Test func quantizerFollowsTheQ8_1Rule() {
        let columns = 96, rows = 3
        let x = Self.randomActivations(rows: rows, columns: columns, seed: 3)
        let quantized = QuantizedActivations()
        x.withUnsafeBufferPointer { quantized.quantize($0.baseAddress!, stride: columns, count: rows, columns: columns) }
        for block in 0..<rows * columns / 32 {
            let expected = Self.referenceQuantize(x[block * 32..<(block + 1) * 32])
            let values = (0..<32).map { Int(quantized.values[block * 32 + $0]) }
            #expect(values == expected.q, "block \(block) integers")
            #expect(quantized.scales[block].x == expected.scale, "block \(block) scale")
            #expect(quantized.scales[block].y == expected.sum, "block \(block) sum term")
        }
    }

    /// Weight integers and (scale, offset) of one block, decoded the scalar way.
    typealias Decoded = (q: [Int], scale: Float, offset: Float)

    @Test func q4_1TimesQ8_1() throws {
        try check(type: .q4_1, rows: 7, columns: 128, halfOffsets: [0, 2], seed: 21) { b in
            var q = [Int](repeating: 0, count: 32)
            for j in 0..<16 {
                q[j] = Int(b[4 + j] & 0xF)
                q[j + 16] = Int(b[4 + j] >> 4)
            }
            return (q, b.half(at: 0), b.half(at: 2))
        }
    }

    @Test func q8_0TimesQ8_0() throws {
        try check(type: .q8_0, rows: 9, columns: 96, halfOffsets: [0], seed: 22) { b in
            ((0..<32).map { b.int8(at: 2 + $0) }, b.half(at: 0), 0)
        }
    }

    /// Every product against Σ_blocks (d_w·d_x·Σ q_w·q_x + m_w·s_x) in Double, for 1 and 6
    /// inputs; then the batch of 6 against 6 one-input calls (and 1 thread against 2), bit for bit.
    private func check(type: GGMLType, rows: Int, columns: Int, halfOffsets: [Int], seed: UInt64,
                       decode: ([UInt8]) -> Decoded) throws {
        let weights = KernelTestCase(type: type, rows: rows, columns: columns, halfOffsets: halfOffsets, seed: seed)
        let blockBytes = type.blockBytes, blocks = columns / 32
        let decoded = (0..<rows * blocks).map { decode(Array(weights.bytes[$0 * blockBytes..<($0 + 1) * blockBytes])) }
        let inputCount = 6
        let x = Self.randomActivations(rows: inputCount, columns: columns, seed: seed + 1)
        let reference = (0..<inputCount * blocks).map { Self.referenceQuantize(x[$0 * 32..<($0 + 1) * 32]) }

        try weights.bytes.withUnsafeBytes { raw in
            let matrix = try #require(WeightMatrix(name: "test", type: type, rows: rows, columns: columns, data: raw.baseAddress!))
            #expect(matrix.hasIntegerKernel)
            func product(inputs: Range<Int>, threads: Int) -> [Float] {
                let quantized = QuantizedActivations()
                x.withUnsafeBufferPointer {
                    quantized.quantize($0.baseAddress! + inputs.lowerBound * columns, stride: columns, count: inputs.count, columns: columns)
                }
                var output = [Float](repeating: .nan, count: inputs.count * rows)
                output.withUnsafeMutableBufferPointer {
                    matrix.multiply(quantized: quantized, output: $0.baseAddress!, outputStride: rows, pool: WorkerPool(threads: threads))
                }
                return output
            }
            let batch = product(inputs: 0..<inputCount, threads: 2)
            for i in 0..<inputCount {
                for r in 0..<rows {
                    var exact: Double = 0, magnitude: Double = 0
                    for b in 0..<blocks {
                        let w = decoded[r * blocks + b], a = reference[i * blocks + b]
                        let integer = zip(w.q, a.q).reduce(0) { $0 + $1.0 * $1.1 }
                        let term = Double(w.scale) * Double(a.scale) * Double(integer)
                        exact += term + Double(w.offset) * Double(a.sum)
                        magnitude += abs(term) + abs(Double(w.offset) * Double(a.sum))
                    }
                    let error = abs(Double(batch[i * rows + r]) - exact)
                    #expect(error <= 1e-5 * magnitude + 1e-6, "\(type.name) row \(r) input \(i): \(batch[i * rows + r]) vs \(exact)")
                }
                let alone = product(inputs: i..<i + 1, threads: 1)
                #expect(alone == Array(batch[i * rows..<(i + 1) * rows]), "\(type.name) input \(i): batch and single call differ")
            }
        }
    }
}
