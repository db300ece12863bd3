import Foundation
import Testing
import TestSupport
@testable import Inference

// TEMPORARY (rt): kernel timing, removed before hand-off.
@Suite(.serialized) struct TmpKernelTiming {
    @Test func timeKernels() throws {
        guard ProcessInfo.processInfo.environment["RT_TIMING"] != nil else { return }
        let file = try GGUFFile(path: try GoldenData.defaultModelPath())
        let gate = try WeightMatrix(try #require(file.tensor(named: "blk.3.ffn_gate.weight")), in: file)
        let head = try WeightMatrix(try #require(file.tensor(named: "token_embd.weight")), in: file)
        var layers: [WeightMatrix] = []
        for l in 0..<30 {
            for n in ["attn_q", "attn_k", "attn_v", "attn_output", "ffn_gate", "ffn_up", "ffn_down"] {
                layers.append(try WeightMatrix(try #require(file.tensor(named: "blk.\(l).\(n).weight")), in: file))
            }
        }
        var x = [Float](repeating: 0, count: 16 * 1536)
        for i in x.indices { x[i] = Float((i * 7919) % 200) / 100 - 1 }
        var out = [Float](repeating: 0, count: 16 * 49152)
        func time(_ reps: Int, _ body: () -> Void) -> Double {
            var best = Double.infinity
            for _ in 0..<reps {
                let t0 = DispatchTime.now().uptimeNanoseconds
                body()
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1000)
            }
            return best
        }
        for threads in [1, 2] {
            let pool = WorkerPool(threads: threads)
            for n in [1, 4, 8] {
                x.withUnsafeBufferPointer { xp in
                    out.withUnsafeMutableBufferPointer { op in
                        let g = time(300) { gate.multiply(inputs: xp.baseAddress!, inputStride: 576, inputCount: n, output: op.baseAddress!, outputStride: 1536, pool: pool) }
                        let h = time(10) { head.multiply(inputs: xp.baseAddress!, inputStride: 576, inputCount: n, output: op.baseAddress!, outputStride: 49152, pool: pool) }
                        let all = time(10) {
                            for m in layers {
                                m.multiply(inputs: xp.baseAddress!, inputStride: m.columns, inputCount: n, output: op.baseAddress!, outputStride: m.rows, pool: pool)
                            }
                        }
                        print("RT threads \(threads) n \(n): gate576x1536 \(Int(g)) us, head \(Int(h)) us, all layers \(Int(all)) us")
                    }
                }
            }
        }
    }
}
