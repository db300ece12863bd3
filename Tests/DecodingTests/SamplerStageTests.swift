import Testing
@testable import Decoding
import Inference

/// The fixture and expected numbers of card 18 (`reference/speculative.md`), llama.cpp semantics.
struct SamplerStageTests {
    static let fixture: [Float] = [2.0, 1.0, 0.5, 0.0, -1.0]

    func apply(_ stages: [SamplerStage], history: [TokenID] = [], minKeep: Int = 0) -> Distribution {
        var distribution = Distribution(logits: Self.fixture)
        for stage in stages { stage.apply(to: &distribution, history: history, minKeep: minKeep) }
        return distribution
    }

    func expect(_ distribution: Distribution, tokens: [TokenID], probabilities: [Double], tolerance: Double = 5e-5) {
        #expect(distribution.tokens == tokens)
        #expect(distribution.probabilities.count == probabilities.count)
        for (actual, expected) in zip(distribution.probabilities, probabilities) {
            #expect(abs(actual - expected) < tolerance, "\(distribution.probabilities) vs \(probabilities)")
        }
    }

    @Test func rawSoftmaxEntropyAndVarentropy() {
        let distribution = Distribution(logits: Self.fixture)
        expect(distribution, tokens: [0, 1, 2, 3, 4], probabilities: [0.563021, 0.207124, 0.125627, 0.076197, 0.028031], tolerance: 1e-6)
        #expect(abs(distribution.entropy - 1.2065) < 1e-4)
        #expect(abs(distribution.varentropy - 0.647363) < 1e-5)
        #expect(abs(Nats.toBits(distribution.entropy) - 1.740596) < 1e-5)
    }

    @Test func temperature() {
        expect(apply([.temperature(0.5)]), tokens: [0, 1, 2, 3, 4], probabilities: [0.8292, 0.1122, 0.0413, 0.0152, 0.0021], tolerance: 1e-4)
        expect(apply([.temperature(2)]), tokens: [0, 1, 2, 3, 4], probabilities: [0.3745, 0.2272, 0.1769, 0.1378, 0.0836], tolerance: 1e-4)
    }

    @Test func zeroTemperatureKeepsOnlyTheMaximum() {
        expect(apply([.temperature(0)]), tokens: [0], probabilities: [1])
    }

    @Test func topK() {
        expect(apply([.topK(2)]), tokens: [0, 1], probabilities: [0.7311, 0.2689])
        #expect(apply([.topK(2)], minKeep: 3).count == 3)
    }

    @Test func topP() {
        expect(apply([.topP(0.8)]), tokens: [0, 1, 2], probabilities: [0.6285, 0.2312, 0.1402])
        #expect(apply([.topP(0.8)], minKeep: 4).count == 4)
    }

    @Test func minP() {
        expect(apply([.minP(0.2)]), tokens: [0, 1, 2], probabilities: [0.6285, 0.2312, 0.1402])
        // p = 0.99 passes only the top token; min-keep 2 keeps the two best.
        #expect(apply([.minP(0.99)], minKeep: 2).tokens == [0, 1])
    }

    @Test func typicalKeepsTokensClosestToTheEntropyInThatOrder() {
        expect(apply([.typicalP(0.9)]), tokens: [1, 0, 2, 3], probabilities: [0.213097, 0.579259, 0.129250, 0.078394], tolerance: 1e-5)
    }

    @Test func penaltiesOverTheWindow() {
        // History [0, 0, 3] (0 twice, 3 once); token 4 is outside the 3-token window.
        // z0 = 2 / 2 - (2·0.5 + 0.25) = -0.25; z3 = 0 · 2 - (0.5 + 0.25) = -0.75.
        let distribution = apply([.penalties(repeat: 2, frequency: 0.5, presence: 0.25, window: 3)], history: [4, 0, 0, 3])
        expect(distribution, tokens: [0, 1, 2, 3, 4], probabilities: [0.130103, 0.454103, 0.275427, 0.078911, 0.061456], tolerance: 1e-5)
        #expect(distribution.logits[0] == -0.25 && distribution.logits[3] == -0.75)
    }

    @Test func logitBias() {
        let distribution = apply([.logitBias([4: 3])])
        expect(distribution, tokens: [0, 1, 2, 3, 4], probabilities: [0.366791, 0.134935, 0.081842, 0.049640, 0.366791], tolerance: 1e-5)
    }

    @Test func defaultChainFollowsLlamaCppOrder() {
        #expect(SamplerSettings().stages.map(\.name) == ["top-k", "top-p", "min-p", "temperature"])
        var settings = SamplerSettings()
        settings.logitBias = [1: 1]
        settings.repeatPenalty = 1.1
        settings.typicalP = 0.9
        #expect(settings.stages.map(\.name) == ["logit-bias", "penalties", "top-k", "typical", "top-p", "min-p", "temperature"])
    }

    @Test func chainKeepsAViewPerStageAndTheRealFinalDistribution() {
        var settings = SamplerSettings()
        settings.topK = 4
        settings.topP = 0.8
        settings.minP = 0
        settings.temperature = 1
        let result = SamplerChain(settings: settings, viewSize: 2).run(logits: Self.fixture, history: [])
        #expect(result.stages.map(\.stage) == ["raw", "top-k", "top-p", "temperature"])
        #expect(result.stages.map(\.candidateCount) == [5, 4, 3, 3])
        #expect(result.stages.allSatisfy { $0.top.count == 2 })
        expect(result.final, tokens: [0, 1, 2], probabilities: [0.6285, 0.2312, 0.1402])
    }

    @Test func samplingWalksTheCumulativeMass() {
        let distribution = Distribution(logits: Self.fixture)
        #expect(distribution.sample(uniform: 0) == 0)
        #expect(distribution.sample(uniform: 0.5630) == 0)
        #expect(distribution.sample(uniform: 0.5631) == 1)
        #expect(distribution.sample(uniform: 0.98) == 4)
        #expect(distribution.sample(uniform: 0.999_999_999_999) == 4)
    }

    @Test func topViewIsOrderedAndStable() {
        let distribution = Distribution(logits: [1, 3, 3, -1] as [Float])
        #expect(distribution.top(3).map(\.token) == [1, 2, 0])
        #expect(distribution.argmax == 1)
    }
}
