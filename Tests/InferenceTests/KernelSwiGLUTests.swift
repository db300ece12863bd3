import Foundation
import Testing
import TestSupport
@testable import Inference

/// The SwiGLU activation silu(gate)·up against the formula in Double, for gates across the
/// range the model produces and far beyond it (where e^-|g| leaves the Float exp's domain).
@Suite struct KernelSwiGLUTests {
    static func reference(_ g: Float, _ up: Float) -> Double {
        Double(g) / (1 + Foundation.exp(-Double(g))) * Double(up)
    }

    @Test(arguments: [8, 13, 1536 * 3 + 5])
    func matchesTheFormula(count: Int) {
        var rng = SplitMix64(seed: UInt64(count))
        var gate = (0..<count).map { _ in Float.random(in: -12...12, using: &rng) }
        let up = (0..<count).map { _ in Float.random(in: -3...3, using: &rng) }
        let special: [Float] = [0, -0.0, 1e-30, -1e-30, 79.9, -79.9, 80.1, -80.1, 300, -300, 1e30, -1e30]
        for (i, value) in special.enumerated() where i < count { gate[i] = value }
        let expected = zip(gate, up).map(Self.reference)
        gate.withUnsafeMutableBufferPointer { g in
            up.withUnsafeBufferPointer { u in
                VectorMath.swiGLU(gate: g.baseAddress!, up: u.baseAddress!, count: count)
            }
        }
        for i in 0..<count {
            // Below g = -80 silu is under 1e-31 and comes out as 0.
            let tolerance = 4e-7 * abs(expected[i]) + 1e-30
            #expect(abs(Double(gate[i]) - expected[i]) <= tolerance,
                    "element \(i): \(gate[i]) against \(expected[i])")
        }
    }
}
