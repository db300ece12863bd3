import Foundation
import Testing
import TestSupport
@testable import Decoding
import Inference

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

    @Test func singlePrecisionMatchesLibmWithinTwoUlpOverItsDomain() {
        var worst = 0.0
        let lowest = Double(SinglePrecisionExp.domain.lowerBound)
        for step in 0...100_000 {
            let x = Float(lowest * Double(step) / 100_000)
            let arguments: [Float] = [x, x / 2, x / 7, x / 100, x / 1000, x / 1e5, -Float(step) * 1e-7, 0]
            let lanes = SinglePrecisionExp.exp(SinglePrecisionExp.Lanes(arguments))
            for (lane, argument) in arguments.enumerated() {
                let reference = Foundation.exp(Double(argument))
                worst = max(worst, abs(Double(lanes[lane]) - reference) / reference)
            }
        }
        #expect(worst <= 2 * Double(Float.ulpOfOne), "worst relative error \(worst)")
    }
}
