import Foundation
import Testing
import TestSupport
@testable import Decoding
import Inference

/// SMC weights: the worked example's ESS and resampling numbers, and on the ToyModel the
/// estimate of the constrained normaliser P(L) converging to its exact value.
struct ConstrainedSMCTests {
    struct Fixture: Decodable {
        struct ESS: Decodable {
            var weights: [Double]
            var normalized: [Double]
            var ess: Double
            var resample_tau_0_5: Bool
            var resample_tau_0_9: Bool
            var weight_after_resample: Double
            enum CodingKeys: String, CodingKey {
                case weights, normalized, ess, weight_after_resample
                case resample_tau_0_5 = "resample_tau_0.5", resample_tau_0_9 = "resample_tau_0.9"
            }
        }
        var smc_ess: ESS
    }

    @Test func effectiveSampleSizeOfTheWorkedExample() throws {
        let url = GoldenData.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/worked_examples.json")
        let example = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url)).smc_ess
        let weights = ParticleWeights(logWeights: example.weights.map { log($0) })
        for (got, want) in zip(weights.normalized, example.normalized) { #expect(abs(got - want) < 1e-12) }
        #expect(abs(weights.effectiveSampleSize - example.ess) < 1e-12)
        let count = Double(example.weights.count)
        #expect((weights.effectiveSampleSize < 0.5 * count) == example.resample_tau_0_5)
        #expect((weights.effectiveSampleSize < 0.9 * count) == example.resample_tau_0_9)
        #expect(abs(exp(weights.logMean) - example.weight_after_resample) < 1e-12)
    }

    @Test func stratifiedResamplingKeepsProportions() {
        var random = SeededRandom(seed: 8)
        let weights = [0.04545454545454545, 0.45454545454545453, 0.45454545454545453, 0.04545454545454545]
        var counts = [0, 0, 0, 0]
        for _ in 0..<2000 {
            let ancestors = StratifiedResampling.ancestors(of: weights, random: &random)
            #expect(ancestors.count == 4)
            #expect(ancestors == ancestors.sorted(), "strata are visited in order")
            // One stratum per quarter: the two heavy particles get 1 or 2 copies each.
            #expect(ancestors.filter { $0 == 1 }.count >= 1 && ancestors.filter { $0 == 2 }.count >= 1)
            for ancestor in ancestors { counts[ancestor] += 1 }
        }
        for i in 0..<4 { #expect(abs(Double(counts[i]) / 8000 - weights[i]) < 0.02) }
        #expect(StratifiedResampling.ancestors(of: [0, 1, 0], random: &random) == [1, 1, 1])
    }

    /// E[Ẑ] = P(L): the mean of the final log-normaliser estimates over many seeded runs is within
    /// four standard errors of the exact sum over the language.
    @Test(arguments: [0.0, 1.0])
    func normaliserEstimateConvergesToTheExactValue(_ proposal: Double) throws {
        let model = ToyModel()
        let prompt: [TokenID] = [14]
        let exact = try ConstrainedToy.sentences(model, prompt: prompt).reduce(0) { $0 + $1.probability }
        #expect(exact > 0.001 && exact < 0.9, "the constraint removes real mass")
        let runs = 300
        var estimates: [Double] = []
        var resampledSteps = 0
        for seed in 1...runs {
            var strategy = try StrategyCatalog.make("smc", parameters: ConstrainedToy.parameters(temperature: 1, ["proposal": proposal, "particles": 4, "ess-threshold": 1]))
            let run = try decode(&strategy, model: model, prompt: prompt, maxNewTokens: 10, seed: UInt64(seed))
            guard case .particles(let last)? = run.steps.last?.payload, let logNormalizer = last.logNormalizer else {
                Issue.record("the last step has no particle trace"); return
            }
            resampledSteps += run.steps.filter { if case .particles(let trace) = $0.payload { trace.resampled } else { false } }.count
            estimates.append(exp(logNormalizer))
        }
        let mean = estimates.reduce(0, +) / Double(runs)
        let variance = estimates.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(runs - 1)
        let standardError = (variance / Double(runs)).squareRoot()
        #expect(abs(mean - exact) <= 4 * standardError, "mean Ẑ \(mean) ± \(standardError), exact \(exact)")
        #expect(standardError < 0.1 * exact)
        #expect(resampledSteps > 0, "τ = 1 resamples whenever the weights differ")
    }

    @Test func particlesCommitTheirSharedPrefixAndFinishTogether() throws {
        var strategy = try StrategyCatalog.make("smc", parameters: ConstrainedToy.parameters(temperature: 1, ["particles": 6]))
        let run = try decode(&strategy, model: ToyModel(), prompt: [14], maxNewTokens: 10, seed: 21)
        var committed: [TokenID] = []
        for step in run.steps {
            guard case .particles(let trace) = step.payload else { Issue.record("no particle trace"); continue }
            #expect(trace.particles.count == 6)
            #expect(abs(trace.particles.reduce(0) { $0 + $1.normalizedWeight } - 1) < 1e-9)
            #expect(trace.resampleBelow == 3)
            for particle in trace.particles where !particle.finished { #expect(particle.checks == 16) }
            committed += step.tokens.map(\.token)
        }
        #expect(committed == run.tokens)
        #expect(run.tokens.last == ToyVocabulary.endToken)
    }
}
