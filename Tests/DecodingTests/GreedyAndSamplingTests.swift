import Testing
import Decoding
import Inference

struct GreedyAndSamplingTests {
    @Test func greedyFollowsTheArgmaxOfTheExactModel() throws {
        let model = ToyModel(seed: 5)
        var greedy = GreedyStrategy()
        let (tokens, steps) = try decode(&greedy, model: model, prompt: [1], maxNewTokens: 12)
        var context: [TokenID] = [1]
        for token in tokens {
            #expect(token == Distribution(logits: model.logits(after: context)).argmax)
            context.append(token)
        }
        #expect(steps.allSatisfy { $0.tokens.count == 1 && $0.tokens[0].source == .greedy })
    }

    @Test func zeroTemperatureSamplingIsGreedy() throws {
        var settings = SamplerSettings()
        settings.temperature = 0
        var sampling = SamplingStrategy(settings: settings)
        var greedy = GreedyStrategy()
        let sampled = try decode(&sampling, model: ToyModel(seed: 2), prompt: [2], maxNewTokens: 20, seed: 9).tokens
        #expect(sampled == (try decode(&greedy, model: ToyModel(seed: 2), prompt: [2], maxNewTokens: 20).tokens))
    }

    @Test func sameSeedSameTokensDifferentSeedDifferentTokens() throws {
        var settings = SamplerSettings()
        settings.temperature = 1.5
        settings.topK = 0
        settings.topP = 1
        settings.minP = 0
        func run(seed: UInt64) throws -> [TokenID] {
            var strategy = SamplingStrategy(settings: settings)
            return try decode(&strategy, model: ToyModel(contextLength: 256), prompt: [1], maxNewTokens: 40, seed: seed).tokens
        }
        let first = try run(seed: 11)
        #expect(first == (try run(seed: 11)))
        #expect(first != (try run(seed: 12)))
    }

    /// With a fixed seed this is deterministic; 20 000 draws put each frequency within about
    /// 4 standard deviations (≤ 0.015) of the chain's probability.
    @Test func sampledFrequenciesMatchTheFinalDistribution() throws {
        var settings = SamplerSettings()
        settings.topK = 3
        settings.temperature = 0.7
        settings.minP = 0
        settings.topP = 1
        let chain = SamplerChain(settings: settings)
        let final = chain.run(logits: SamplerStageTests.fixture, history: []).final
        var random = SeededRandom(seed: 2024)
        var counts: [TokenID: Int] = [:]
        let draws = 20_000
        for _ in 0..<draws { counts[final.sample(uniform: random.nextUniform()), default: 0] += 1 }
        #expect(Set(counts.keys) == [0, 1, 2])
        for (token, probability) in zip(final.tokens, final.probabilities) {
            #expect(abs(Double(counts[token] ?? 0) / Double(draws) - probability) < 0.015)
        }
    }

    @Test func traceCarriesEveryStageAndTheDraw() throws {
        var strategy = SamplingStrategy(settings: SamplerSettings())
        let (_, steps) = try decode(&strategy, model: ToyModel(), prompt: [1], maxNewTokens: 1)
        guard case .distribution(let trace) = steps[0].payload else {
            Issue.record("expected a distribution payload")
            return
        }
        #expect(trace.stages.map(\.stage) == ["raw", "top-k", "top-p", "min-p", "temperature"])
        #expect(trace.uniform != nil)
        #expect(steps[0].tokens[0].source == .sampled)
        #expect(trace.chosen == steps[0].tokens[0].token)
    }
}
