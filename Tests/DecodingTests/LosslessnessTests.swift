import Foundation
import Testing
import Decoding
import Inference

/// The losslessness checker itself: its statistics against the reference's computed numbers,
/// its exact law against the ToyModel, and its verdicts on a broken and on the real strategies.
@Suite struct LosslessnessTests {
    /// Chi-square critical values from speculative.md, Part 2.2 (computed there with SciPy):
    /// the upper tail at each must be the stated false-failure rate.
    @Test(arguments: [(24.32, 7, 1e-3), (40.52, 7, 1e-6), (55.87, 7, 1e-9), (13.82, 2, 1e-3), (30.66, 3, 1e-6),
                      (56.49, 15, 1e-6), (677.6, 511, 1e-6)])
    func chiSquareTailMatchesTheReferenceCriticalValues(x: Double, degreesOfFreedom: Int, alpha: Double) {
        let tail = ChiSquare.survival(x, degreesOfFreedom: degreesOfFreedom)
        // Critical values are given to four significant digits, which moves the tail a few percent.
        #expect(abs(tail / alpha - 1) < 0.05, "P(χ²(\(degreesOfFreedom)) ≥ \(x)) = \(tail), expected \(alpha)")
    }

    @Test func chiSquareTailHasClosedFormsForTwoDegrees() {
        // With 2 degrees of freedom the tail is e^(−x/2), and the median of χ²(1) is 0.4549.
        for x in [0.1, 1, 5, 30] { #expect(abs(ChiSquare.survival(x, degreesOfFreedom: 2) - exp(-x / 2)) < 1e-12) }
        #expect(abs(ChiSquare.survival(0.454936, degreesOfFreedom: 1) - 0.5) < 1e-5)
    }

    /// TV thresholds from the reference: V = 8 at N = 1e6 and 1e5, V = 3 at N = 1e5, δ = 1e-6.
    @Test(arguments: [(8, 1_000_000, 0.00404), (8, 100_000, 0.01278), (3, 100_000, 0.01105)])
    func totalVariationThresholdMatchesTheReference(cells: Int, samples: Int, threshold: Double) {
        let law = Dictionary(uniqueKeysWithValues: (0..<cells).map { ([TokenID($0)], 1 / Double(cells)) })
        let counts = law.mapValues { _ in samples / cells }
        let fit = GoodnessOfFit(counts: counts, law: law, alpha: 1e-6)
        #expect(abs(fit.totalVariationThreshold - threshold) < 5e-5)
    }

    @Test func goodnessOfFitRejectsAShiftedLawAndImpossibleOutcomes() {
        // Card 1's bug "accept with q/p": the output is q = [.2,.6,.2] instead of p = [.5,.3,.2].
        let law: [[TokenID]: Double] = [[0]: 0.5, [1]: 0.3, [2]: 0.2]
        let right = GoodnessOfFit(counts: [[0]: 5_004, [1]: 2_990, [2]: 2_006], law: law, alpha: 1e-6)
        let wrong = GoodnessOfFit(counts: [[0]: 2_000, [1]: 6_000, [2]: 2_000], law: law, alpha: 1e-6)
        let impossible = GoodnessOfFit(counts: [[0]: 5_000, [1]: 2_999, [2]: 2_000, [3]: 1], law: law, alpha: 1e-6)
        #expect(right.passed && right.degreesOfFreedom == 2)
        #expect(!wrong.passed && wrong.totalVariation > 0.29 && wrong.pValue < 1e-100)
        #expect(!impossible.passed && impossible.impossible == 1)
    }

    @Test func sequenceLawIsTheProductOfTheToyModelsConditionals() throws {
        let model = ToyModel(seed: 4)
        let prompt = LosslessnessSuite.prompt
        let law = try SequenceLaw(model: model, prompt: prompt, chain: SamplerChain(settings: SamplerSettings.unfiltered), length: 3)
        #expect(abs(law.probabilities.values.reduce(0, +) - 1) < 1e-12)
        // " sat on the" after the prompt, from the model's own logits.
        let first = Distribution(logits: model.logits(after: prompt)).probability(of: 6)
        let second = Distribution(logits: model.logits(after: prompt + [6])).probability(of: 9)
        let third = Distribution(logits: model.logits(after: prompt + [6, 9])).probability(of: 1)
        #expect(abs((law.probabilities[[6, 9, 1]] ?? 0) - first * second * third) < 1e-15)
        // Generation stops at the end token: that outcome is one token long.
        let end = Distribution(logits: model.logits(after: prompt)).probability(of: ToyVocabulary.endToken)
        #expect(abs((law.probabilities[[ToyVocabulary.endToken]] ?? 0) - end) < 1e-15)
        #expect(law.probabilities.keys.allSatisfy { $0.count == 3 || $0.last == ToyVocabulary.endToken })
    }

    @Test func aVerifierThatAcceptsEveryDraftFails() async throws {
        let setting = LosslessnessSuite.settings[0]
        let check = LosslessnessCheck(
            strategy: LosslessnessAcceptEveryDraft.descriptor.name, configuration: setting.label, parameters: setting.parameters,
            target: setting.parameters.sampler,
            makeStrategy: { LosslessnessAcceptEveryDraft(chain: SamplerChain(settings: $0.sampler)) },
            makeModel: { ToyModel(seed: 4, contextLength: 64) },
            prompt: LosslessnessSuite.prompt, length: LosslessnessSuite.length, samples: 10_000)
        let result = try await check.run(workers: 2)
        #expect(!result.passed)
        #expect(result.fit.pValue < 1e-6)
    }

    /// A configuration names only the drafting parameters its strategy uses: prompt lookup
    /// drafts without an exit layer, sampling and greedy draft nothing.
    @Test func configurationsNameOnlyTheParametersTheStrategyUses() {
        let labels = Dictionary(grouping: LosslessnessSuite.checks(samples: 1), by: \.strategy).mapValues { $0.map(\.configuration) }
        #expect(labels["speculative-lookup"]?.first == "T=1; draft 2")
        #expect(labels["speculative-early-exit"]?.first == "T=1; draft 2, exit 1")
        #expect(labels["sampling"]?.first == "T=1")
        #expect(labels["greedy"] == ["T=0"])
    }

    /// Every lossless strategy in the catalog, with fewer samples than `decodelab selftest`.
    @Test func everyLosslessStrategyPasses() async throws {
        let checks = LosslessnessSuite.checks(samples: 10_000)
        #expect(Set(checks.map(\.strategy)).isSuperset(of: ["sampling", "greedy", "speculative-lookup", "speculative-early-exit"]))
        for check in checks {
            let result = try await check.run(workers: 2)
            #expect(result.passed, "\(check.strategy), \(check.configuration): TV \(result.fit.totalVariation) (threshold \(result.fit.totalVariationThreshold)), p \(result.fit.pValue), \(result.fit.impossible) impossible")
            #expect(result.fit.samples == check.samples)
        }
    }
}
