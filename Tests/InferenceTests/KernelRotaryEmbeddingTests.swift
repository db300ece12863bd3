import Foundation
import Testing
@testable import Inference

@Suite struct KernelRotaryEmbeddingTests {
    /// Rotates a head with both pairings and compares with the closed form in Double.
    @Test(arguments: [RotaryEmbedding.Style.normal, .neox])
    func rotatesThePairsOfItsStyle(style: RotaryEmbedding.Style) {
        let dimensions = 8, headSize = 12, position = 37
        let rope = RotaryEmbedding(.init(style: style, dimensions: dimensions, base: 10_000))
        let input = (0..<headSize).map { Float($0) * 0.25 - 1 }
        var head = input
        var cosines = [Float](repeating: 0, count: dimensions / 2), sines = cosines
        rope.angles(at: position, cos: &cosines, sin: &sines)
        head.withUnsafeMutableBufferPointer { rope.apply(to: $0.baseAddress!, cos: cosines, sin: sines) }

        var expected = input.map(Double.init)
        for i in 0..<dimensions / 2 {
            let (a, b) = style == .normal ? (2 * i, 2 * i + 1) : (i, i + dimensions / 2)
            let angle = Double(position) * pow(10_000, -2 * Double(i) / Double(dimensions))
            expected[a] = Double(input[a]) * cos(angle) - Double(input[b]) * sin(angle)
            expected[b] = Double(input[a]) * sin(angle) + Double(input[b]) * cos(angle)
        }
        for i in 0..<headSize {
            #expect(abs(Double(head[i]) - expected[i]) < 1e-4, "value \(i): \(head[i]) vs \(expected[i])")
        }
        #expect(Array(head[dimensions...]) == Array(input[dimensions...]), "values past the rotated dimensions must pass through")
    }

    @Test func linearScalingDividesThePosition() {
        let scaled = RotaryEmbedding(.init(style: .normal, dimensions: 4, base: 10_000, frequencyScale: 0.5))
        let plain = RotaryEmbedding(.init(style: .normal, dimensions: 4, base: 10_000))
        var c1 = [Float](repeating: 0, count: 2), s1 = c1, c2 = c1, s2 = c1
        scaled.angles(at: 10, cos: &c1, sin: &s1)
        plain.angles(at: 5, cos: &c2, sin: &s2)
        #expect(zip(c1, c2).allSatisfy { abs($0 - $1) < 1e-6 })
        #expect(zip(s1, s2).allSatisfy { abs($0 - $1) < 1e-6 })
    }
}
