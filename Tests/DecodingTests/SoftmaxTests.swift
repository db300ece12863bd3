import Foundation
import Testing
import TestSupport
@testable import Decoding

/// The vocabulary-row softmax and its summary numbers against the scalar Double definition.
struct SoftmaxTests {
    /// The scalar definition in Double: probabilities, entropy, varentropy, support. Like the
    /// softmax, it counts e^s below e^-708 (subnormal) as zero.
    func reference(_ logits: [Float]) -> (probabilities: [Double], entropy: Double, varentropy: Double, support: Int) {
        let maxLogit = logits.max() ?? 0
        let weights = logits.map { logit in
            let shifted = Double(logit - maxLogit)
            return shifted < VectorExp.lowest ? 0 : Foundation.exp(shifted)
        }
        let sum = weights.reduce(0, +)
        let probabilities = weights.map { $0 / sum }
        let surprisals = probabilities.filter { $0 > 0 }.map { -log($0) }
        let live = probabilities.filter { $0 > 0 }
        let entropy = zip(live, surprisals).map { $0 * $1 }.reduce(0, +)
        let varentropy = zip(live, surprisals).map { $0 * ($1 - entropy) * ($1 - entropy) }.reduce(0, +)
        return (probabilities, entropy, varentropy, live.count)
    }

    /// A row of odd length (a vector tail) with -inf entries, every shifted logit in the Float
    /// exponential's domain: probabilities within a few Float ulp, summaries far below what
    /// any screen shows.
    @Test func matchesTheScalarDefinition() {
        var random = SplitMix64(seed: 7)
        let logits = (0..<1001).map { i in i % 97 == 0 ? -Float.infinity : Float(random.next() % 4000) / 100 - 20 }
        let distribution = Distribution(logits: logits)
        let expected = reference(logits)
        for i in logits.indices {
            #expect(abs(distribution.probabilities[i] - expected.probabilities[i]) <= 3e-7 * expected.probabilities[i])
        }
        #expect(abs(distribution.entropy - expected.entropy) < 1e-6)
        #expect(abs(distribution.varentropy - expected.varentropy) < 1e-6)
        #expect(distribution.support == expected.support)
        #expect(distribution.support == logits.filter { $0 > -.infinity }.count)
    }

    /// A sharply tempered row reaches far below Float's range: those tokens keep their tiny,
    /// exact Double probabilities (positive down to e^-708), as the support count says.
    @Test func aFarTailKeepsItsTinyProbabilities() {
        let logits: [Float] = [0, -1, -100, -300, -700, -720, -.infinity, -2, -90, -5, -650]
        let distribution = Distribution(logits: logits)
        let expected = reference(logits)
        for i in logits.indices {
            #expect(abs(distribution.probabilities[i] - expected.probabilities[i]) <= 3e-7 * expected.probabilities[i])
            #expect((distribution.probabilities[i] > 0) == (expected.probabilities[i] > 0))
        }
        #expect(distribution.probabilities[4] > 0 && distribution.probabilities[5] == 0)
        #expect(distribution.support == 9)
        #expect(abs(distribution.entropy - expected.entropy) < 1e-6)
    }

    /// Top entries and the argmax over a vocabulary-sized row with ties, against a full sort.
    @Test func topAndArgmaxOverALongRowWithTies() {
        var random = SplitMix64(seed: 11)
        var logits = (0..<49_157).map { _ in Float(random.next() % 2000) / 100 - 10 }
        logits[40_001] = 12
        logits[3] = 12
        logits[77] = 11.5
        let distribution = Distribution(logits: logits)
        let sorted = logits.indices.sorted { logits[$0] != logits[$1] ? logits[$0] > logits[$1] : $0 < $1 }
        #expect(distribution.top(50).map { Int($0.token) } == Array(sorted.prefix(50)))
        #expect(distribution.argmax == 3)
        #expect(Distribution.topTokens(ofLogits: logits[...], count: 50).map(Int.init) == Array(sorted.prefix(50)))
    }

    /// Read from the logits alone, the top tokens are the softmax's, down to the far tail it
    /// gives no probability: a token 720 below the maximum, or at -inf, is never among them.
    @Test func topTokensFromLogitsMatchTheSoftmaxsTop() {
        let logits: [Float] = [0, -1, -100, -300, -700, -720, -.infinity, -2, -90, -5, -650, -1]
        for n in 1...logits.count {
            let expected = Distribution(logits: logits).top(n).map(\.token)
            #expect(Distribution.topTokens(ofLogits: logits[...], count: n) == expected, "n = \(n)")
        }
        #expect(Distribution.topTokens(ofLogits: logits[...], count: 20).count == 10)
    }
}
