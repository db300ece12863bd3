import Testing
@testable import Decoding
import Inference

/// The shortcuts speculative rounds take at temperature 0 must pick exactly what the full
/// sampler chain and the scalar argmax pick, ties and row tails included.
struct GreedyShortcutTests {
    /// Rows of a few sizes (not all multiples of eight) with values drawn from a small set, so
    /// ties for the maximum are common, and an all-equal row.
    static func rows() -> [[Float]] {
        var random = SeededRandom(seed: 41)
        let sizes = [1, 3, 8, 13, 64, 1000, 49_155]
        var rows = sizes.map { count in (0..<count).map { _ in Float(Int(random.nextUniform() * 6)) - 2 } }
        rows.append([Float](repeating: 0.5, count: 17))
        return rows
    }

    @Test func greedyTokenIsWhatTheChainKeeps() {
        var settings = SamplerSettings()
        settings.temperature = 0
        let chain = SamplerChain(settings: settings)
        for row in Self.rows() {
            let final = chain.run(logits: row, history: []).final
            #expect(final.tokens.count == 1)
            #expect(chain.greedyToken(logits: row[...]) == final.tokens.first)
        }
    }

    @Test func greedyTokenDeclinesWhereAStageCanMoveTheMaximum() {
        var biased = SamplerSettings()
        biased.temperature = 0
        biased.logitBias = [0: -1]
        var penalised = SamplerSettings()
        penalised.temperature = 0
        penalised.repeatPenalty = 1.1
        var typical = SamplerSettings()
        typical.temperature = 0
        typical.typicalP = 0.5
        let sampled = SamplerSettings()
        for settings in [biased, penalised, typical, sampled] {
            #expect(SamplerChain(settings: settings).greedyToken(logits: [1, 2, 3][...]) == nil)
        }
    }

    @Test func vectorArgmaxIsTheFirstLargestEntry() {
        for row in Self.rows() {
            let vector = row.map(Double.init)
            var best = 0
            for i in vector.indices where vector[i] > vector[best] { best = i }
            #expect(SpeculativeMath.argmax(vector) == TokenID(best))
            #expect(Distribution.argmax(ofLogits: row[...]) == TokenID(best))
        }
        #expect(SpeculativeMath.argmax([]) == 0)
    }
}
