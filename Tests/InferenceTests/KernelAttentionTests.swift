import Foundation
import Testing
import TestSupport
@testable import Inference

/// Attention's split-key softmax: blocks exponentiated apart and merged must equal one softmax
/// over all keys followed by the weighted sum of values (computed here in Double).
@Suite struct KernelAttentionTests {
    static let width = 64

    /// `count` scores and value rows; scores spread like real attention logits, with a few far
    /// below the maximum (outside the Float exp's domain, so they must weigh exactly nothing).
    static func problem(count: Int, seed: UInt64) -> (scores: [Float], values: [[Float]]) {
        var rng = SplitMix64(seed: seed)
        var scores = (0..<count).map { _ in Float.random(in: -6...6, using: &rng) }
        for j in stride(from: 5, to: count, by: 37) { scores[j] = -200 }
        let values = (0..<count).map { _ in (0..<width).map { _ in Float.random(in: -1...1, using: &rng) } }
        return (scores, values)
    }

    static func reference(_ scores: [Float], _ values: [[Float]]) -> [Double] {
        let maximum = Double(scores.max() ?? 0)
        let weights = scores.map { Foundation.exp(Double($0) - maximum) }
        let total = weights.reduce(0, +)
        return (0..<width).map { k in zip(weights, values).reduce(0) { $0 + $1.0 * Double($1.1[k]) } / total }
    }

    /// Runs the model's path: blocks of `blockKeys`, exponentiate, weighted sum, merge.
    static func splitKey(_ scores: [Float], _ values: [[Float]], blockKeys: Int) -> [Float] {
        let blocks = (scores.count + blockKeys - 1) / blockKeys
        var work = scores
        var maxima = [Float](repeating: 0, count: blocks), sums = [Double](repeating: 0, count: blocks)
        var partials = [Float](repeating: 0, count: blocks * width)
        let rows = values.map { row in
            let pointer = UnsafeMutablePointer<Float>.allocate(capacity: width)
            pointer.initialize(from: row, count: width)
            return UnsafePointer(pointer)
        }
        defer { rows.forEach { $0.deallocate() } }
        work.withUnsafeMutableBufferPointer { w in
            partials.withUnsafeMutableBufferPointer { p in
                for b in 0..<blocks {
                    let start = b * blockKeys, count = min(blockKeys, scores.count - start)
                    (maxima[b], sums[b]) = VectorMath.exponentiate(w.baseAddress! + start, count: count)
                    VectorMath.weightedSum(count: count, weights: w.baseAddress! + start, width: width,
                                           row: { rows[start + $0] }, into: p.baseAddress! + b * width)
                }
            }
        }
        var out = [Float](repeating: .nan, count: width)
        out.withUnsafeMutableBufferPointer { o in
            VectorMath.mergeSoftmaxBlocks(count: blocks, maxima: maxima, sums: sums, outputs: partials, width: width, into: o.baseAddress!)
        }
        return out
    }

    @Test(arguments: [(1, 64), (7, 64), (64, 64), (65, 64), (300, 64), (300, 256), (1500, 64)])
    func blocksMergeToTheWholeSoftmax(count: Int, blockKeys: Int) {
        let (scores, values) = Self.problem(count: count, seed: UInt64(count * 1000 + blockKeys))
        let expected = Self.reference(scores, values)
        let actual = Self.splitKey(scores, values, blockKeys: blockKeys)
        let worst = zip(actual, expected).map { abs(Double($0) - $1) }.max() ?? .infinity
        #expect(worst < 2e-6, "max |Δ| \(worst) for \(count) keys in blocks of \(blockKeys)")
    }

    /// A block whose scores all sit far below another block's maximum contributes nothing, and
    /// nothing overflows when the maxima differ by more than the exp domain.
    @Test func aBlockFarBelowTheMaximumWeighsNothing() {
        var (scores, values) = Self.problem(count: 128, seed: 9)
        for j in 64..<128 { scores[j] = -500 + Float(j) }
        let actual = Self.splitKey(scores, values, blockKeys: 64)
        let firstBlockOnly = Self.reference(Array(scores[..<64]), Array(values[..<64]))
        let worst = zip(actual, firstBlockOnly).map { abs(Double($0) - $1) }.max() ?? .infinity
        #expect(worst < 2e-6, "max |Δ| \(worst)")
    }
}
