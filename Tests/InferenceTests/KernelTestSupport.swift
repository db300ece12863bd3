import Foundation
@testable import Inference
import TestSupport
import Testing

/// Random weight blocks of one type, and checks of the kernels against a scalar dequantizer.
struct KernelTestCase {
    let type: GGMLType
    let rows: Int
    let columns: Int
    let bytes: [UInt8]

    /// Bytes per block and values per block, as GGUF lays the type out.
    static func layout(_ type: GGMLType) -> (bytes: Int, values: Int) {
        switch type {
        case .f32: (4, 1)
        case .f16, .bf16: (2, 1)
        default: (type.blockBytes, type.blockSize)
        }
    }

    /// Random blocks whose half-precision scale fields (at `halfOffsets` in each block) hold
    /// small finite values, so every value is finite.
    init(type: GGMLType, rows: Int, columns: Int, halfOffsets: [Int], seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let (blockBytes, blockValues) = Self.layout(type)
        let blocks = rows * columns / blockValues
        var bytes = (0..<blocks * blockBytes).map { _ in UInt8.random(in: 0...255, using: &rng) }
        for block in 0..<blocks {
            for offset in halfOffsets {
                let bits = Float16(Float.random(in: -0.05...0.05, using: &rng)).bitPattern
                bytes[block * blockBytes + offset] = UInt8(bits & 0xFF)
                bytes[block * blockBytes + offset + 1] = UInt8(bits >> 8)
            }
        }
        self.init(type: type, rows: rows, columns: columns, bytes: bytes)
    }

    init(type: GGMLType, rows: Int, columns: Int, bytes: [UInt8]) {
        self.type = type
        self.rows = rows
        self.columns = columns
        self.bytes = bytes
    }

    /// Dequantizes with the kernel and compares with `reference` (which dequantizes one block of
    /// raw bytes), then checks every matrix-vector product against a float64 dot of the
    /// reference values, for batches of 1 to 9 inputs, and that each input of a batch gets the
    /// bits it gets alone.
    func check(reference: ([UInt8]) -> [Float]) throws {
        let (blockBytes, blockValues) = Self.layout(type)
        var expected: [Float] = []
        for block in 0..<rows * columns / blockValues {
            expected += reference(Array(bytes[block * blockBytes..<(block + 1) * blockBytes]))
        }
        try bytes.withUnsafeBytes { raw in
            let matrix = try #require(WeightMatrix(name: "test", type: type, rows: rows, columns: columns, data: raw.baseAddress!))
            var row = [Float](repeating: 0, count: columns)
            for r in 0..<rows {
                row.withUnsafeMutableBufferPointer { matrix.dequantizeRow(r, into: $0.baseAddress!) }
                #expect(row == Array(expected[r * columns..<(r + 1) * columns]), "\(type.name) row \(r) dequantizes differently")
            }
            var rng = SplitMix64(seed: 7)
            let pool = WorkerPool(threads: 2)
            func multiply(_ inputs: ArraySlice<Float>) -> [Float] {
                let inputCount = inputs.count / columns
                var output = [Float](repeating: .nan, count: inputCount * rows)
                inputs.withUnsafeBufferPointer { x in
                    output.withUnsafeMutableBufferPointer { out in
                        matrix.multiply(inputs: x.baseAddress!, inputStride: columns, inputCount: inputCount,
                                        output: out.baseAddress!, outputStride: rows, pool: pool)
                    }
                }
                return output
            }
            for inputCount in 1...9 {
                let inputs = (0..<inputCount * columns).map { _ in Float.random(in: -1...1, using: &rng) }
                let output = multiply(inputs[...])
                for i in 0..<inputCount {
                    let alone = multiply(inputs[i * columns..<(i + 1) * columns])
                    #expect(alone == Array(output[i * rows..<(i + 1) * rows]), "\(type.name) input \(i) of \(inputCount): batch and single call differ")
                    for r in 0..<rows {
                        var exact: Double = 0, magnitude: Double = 0
                        for c in 0..<columns {
                            let term = Double(expected[r * columns + c]) * Double(inputs[i * columns + c])
                            exact += term
                            magnitude += abs(term)
                        }
                        let error = abs(Double(output[i * rows + r]) - exact)
                        #expect(error <= 1e-5 * magnitude + 1e-6, "\(type.name) dot row \(r) input \(i): \(output[i * rows + r]) vs \(exact)")
                    }
                }
            }
        }
    }
}


/// Little-endian field readers for the scalar references.
extension Array where Element == UInt8 {
    func half(at offset: Int) -> Float { Float(Float16(bitPattern: UInt16(self[offset]) | UInt16(self[offset + 1]) << 8)) }
    func int8(at offset: Int) -> Int { Int(Int8(bitPattern: self[offset])) }
    func uint32(at offset: Int) -> UInt32 { (0..<4).reduce(0) { $0 | UInt32(self[offset + $1]) << (8 * $1) } }
}
