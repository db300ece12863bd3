import Testing
@testable import Inference

/// Products whose rows split into several ranges per thread, with a short last range: every
/// output is written once, and the bits do not depend on the thread count.
@Suite struct KernelRowSplitTests {
    @Test(arguments: [false, true])
    func everyRowOnceWhateverTheThreads(quantizedActivations: Bool) throws {
        let rows = 203, columns = 64, inputCount = 3
        let weights = KernelTestCase(type: .q4_1, rows: rows, columns: columns, halfOffsets: [0, 2], seed: 31)
        let x = KernelIntegerDotTests.randomActivations(rows: inputCount, columns: columns, seed: 32)
        let quantized = QuantizedActivations()
        x.withUnsafeBufferPointer { quantized.quantize($0.baseAddress!, stride: columns, count: inputCount, columns: columns) }
        try weights.bytes.withUnsafeBytes { raw in
            let matrix = try #require(WeightMatrix(name: "test", type: .q4_1, rows: rows, columns: columns, data: raw.baseAddress!))
            func product(threads: Int) -> [Float] {
                var output = [Float](repeating: .nan, count: inputCount * rows)
                output.withUnsafeMutableBufferPointer { out in
                    let pool = WorkerPool(threads: threads)
                    if quantizedActivations {
                        matrix.multiply(quantized: quantized, output: out.baseAddress!, outputStride: rows, pool: pool)
                    } else {
                        x.withUnsafeBufferPointer {
                            matrix.multiply(inputs: $0.baseAddress!, inputStride: columns, inputCount: inputCount,
                                            output: out.baseAddress!, outputStride: rows, pool: pool)
                        }
                    }
                }
                return output
            }
            let alone = product(threads: 1)
            #expect(alone.allSatisfy { $0.isFinite }, "some output was not written")
            for threads in [2, 3, 7] {
                #expect(product(threads: threads) == alone, "\(threads) threads differ from one")
            }
        }
    }
}
