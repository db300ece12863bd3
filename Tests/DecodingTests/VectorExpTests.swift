import Foundation
import Testing
import TestSupport
@testable import Decoding

/// The softmax's vectorised exp against libm over the whole range it is used on.
struct VectorExpTests {
    @Test func matchesLibmWithinTwoUlpFromZeroToTheUnderflowLimit() {
        var worst = 0.0
        for step in 0...100_000 {
            let x = VectorExp.lowest * Double(step) / 100_000
            let lanes = VectorExp.exp(VectorExp.Lanes(x, x / 2, x / 7, x / 100, x / 1000, x / 1e5, -Double(step) * 1e-9, 0))
            for (lane, argument) in [x, x / 2, x / 7, x / 100, x / 1000, x / 1e5, -Double(step) * 1e-9, 0].enumerated() {
                let reference = Foundation.exp(argument)
                worst = max(worst, abs(lanes[lane] - reference) / reference)
            }
        }
        #expect(worst <= 2 * Double.ulpOfOne, "worst relative error \(worst)")
    }

    @Test func belowTheUnderflowLimitAndMinusInfinityGiveZero() {
        let lanes = VectorExp.exp(VectorExp.Lanes(-.infinity, -800, VectorExp.lowest - 0.5, -1e300, 0, 0, 0, 0))
        #expect(lanes == VectorExp.Lanes(0, 0, 0, 0, 1, 1, 1, 1))
    }

    @Test func softmaxMatchesTheScalarDefinition() {
        var random = SplitMix64(seed: 7)
        let logits = (0..<1001).map { i in i % 97 == 0 ? -Float.infinity : Float(random.next() % 4000) / 100 - 20 }
        let distribution = Distribution(logits: logits)
        let maxLogit = logits.max() ?? 0
        let weights = logits.map { Foundation.exp(Double($0 - maxLogit)) }
        let sum = weights.reduce(0, +)
        for i in logits.indices {
            // Summation order and the reciprocal differ from the scalar loop by a few ulp.
            #expect(abs(distribution.probabilities[i] - weights[i] / sum) <= 1e-14 * weights[i] / sum)
        }
        let entropy = -weights.map { $0 / sum }.filter { $0 > 0 }.map { $0 * log($0) }.reduce(0, +)
        #expect(abs(distribution.entropy - entropy) < 1e-12)
        #expect(distribution.support == logits.filter { $0 > -.infinity }.count)
    }
}
