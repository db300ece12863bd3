import Testing
import Decoding
import Inference

/// DEL's exit-layer and draft-length choice (reference Card 5's worked numbers) and the
/// PEARL-style draft length every chain drafter can use.
@Suite struct SpeculativeDynamicExitTests {
    /// Card 5, L = 30: (4, .3) → d = 1, (8, .6) → d = 2, (12, .8) → d = 2, (20, .95) → d = 3.
    @Test(arguments: [(4, 0.3, 1, 0.03824), (8, 0.6, 2, 0.04261), (12, 0.8, 2, 0.04519), (20, 0.95, 3, 0.04122)])
    func tokensPerLayerPicksTheCardsDraftLength(layer: Int, alpha: Double, draft: Int, value: Double) {
        let values = (1...17).map { DynamicExitLayer.tokensPerLayer(acceptance: alpha, layer: layer, draft: $0, layerCount: 30) }
        let best = values.indices.max { values[$0] < values[$1] }.map { $0 + 1 }
        #expect(best == draft)
        #expect(abs(values[draft - 1] - value) < 5e-6)
    }

    /// Card 5's decay fixture (ω = .95): (matched, missed) = (3,1), (0,1), (4,0) give
    /// α = 0.75 → 0.59375 → 0.78359.
    @Test func acceptanceDecaysLikeDEL() {
        var selector = DynamicExitLayer(layerCount: 30, maximumDraft: 4)
        let layer = selector.candidates[4]
        var seen: [Double] = []
        for (drafted, accepted) in [(4, 3), (1, 0), (4, 4)] {
            selector.record(layer: layer, drafted: drafted, accepted: accepted)
            seen.append(selector.acceptance(ofLayer: layer) ?? -1)
        }
        #expect(abs(seen[0] - 0.75) < 1e-12 && abs(seen[1] - 0.59375) < 1e-12 && abs(seen[2] - 0.78359) < 5e-6)
        #expect(selector.acceptance(ofLayer: selector.candidates[0]) == nil)
    }

    @Test func layersAreTriedDeepestFirstWhileTheyCouldPay() {
        var selector = DynamicExitLayer(layerCount: 30, maximumDraft: 4, probeInterval: 100)
        #expect(selector.candidates == [5, 10, 15, 20, 25])
        // Layers from 15 on are always right, shallower ones never. Once layer 10 missed, layer
        // 5 could not pay even if it matched layer 10, so it is not tried.
        var probed: [Int] = []
        while case let choice = selector.choose(), choice.isProbe {
            #expect(choice.draftLength == 1)
            probed.append(choice.layer)
            selector.record(layer: choice.layer, drafted: 1, accepted: choice.layer >= 15 ? 1 : 0)
        }
        #expect(probed == [25, 20, 15, 10])
        // TPL = (d + 1) / (30 + 15 d) grows with d: the shallowest perfect layer, longest draft.
        let best = selector.choose()
        #expect(best.layer == 15 && best.draftLength == 4 && best.acceptance == 1)

        // If the deepest layer misses, no shallower one is tried and nothing is drafted.
        var hopeless = DynamicExitLayer(layerCount: 30, maximumDraft: 4, probeInterval: 100)
        hopeless.record(layer: hopeless.choose().layer, drafted: 1, accepted: 0)
        let nothing = hopeless.choose()
        #expect(!nothing.isProbe && nothing.draftLength == 0)
    }

    @Test func theLeastObservedLayerIsProbedEveryInterval() {
        var selector = DynamicExitLayer(layerCount: 4, maximumDraft: 2, probeInterval: 4)
        #expect(selector.candidates == [1, 2, 3])
        for _ in selector.candidates { selector.record(layer: selector.choose().layer, drafted: 1, accepted: 1) }
        // Three rounds done: the fourth is a probe of one token, the fifth exploits again.
        let probe = selector.choose()
        #expect(probe.isProbe && probe.draftLength == 1)
        selector.record(layer: probe.layer, drafted: 1, accepted: 1)
        #expect(!selector.choose().isProbe)
    }

    @Test func fixedDraftLengthIgnoresOutcomes() {
        var fixed = AdaptiveDraftLength(initial: 1, maximum: 5, adaptive: false)
        #expect(fixed.current == 5)
        fixed.record(drafted: 5, accepted: 0)
        #expect(fixed.current == 5 && fixed.labelNote.isEmpty)
        var parameters = DecodingParameters()
        parameters.set(SpeculativeParameters.adaptiveDraft.name, to: 1)
        parameters.set(SpeculativeParameters.draftLength.name, to: 6)
        let adaptive = AdaptiveDraftLength.configured(by: parameters, length: SpeculativeParameters.draftLength.defaulting(to: 3))
        #expect(adaptive.isAdaptive && adaptive.current == 1 && adaptive.maximum == 6)
        #expect(adaptive.labelNote == ", adaptive length 1/6")
        // Unset, the strategy's own default and adaptive-draft's (1) apply.
        let defaults = AdaptiveDraftLength.configured(by: DecodingParameters(), length: SpeculativeParameters.draftLength.defaulting(to: 3))
        #expect(defaults.isAdaptive && defaults.maximum == 3)
    }

    @Test func strategyLabelsTheLayerItChose() throws {
        var strategy = try StrategyCatalog.make(SpeculativeDynamicExitStrategy.descriptor.name, parameters: SpeculativeStrategyTests.greedyParameters)
        let run = try decode(&strategy, model: ToyModel(seed: 2, contextLength: 128), prompt: [1, 3, 6], maxNewTokens: 40)
        let labels = run.steps.compactMap { step -> String? in
            guard case .draftTree(let tree) = step.payload else { return nil }
            return tree.drafter
        }
        #expect(labels.prefix(3) == ["dynamic exit: probing layer 3 (not tried yet)", "dynamic exit: probing layer 2 (not tried yet)",
                                     "dynamic exit: probing layer 1 (not tried yet)"])
        #expect(labels.contains { $0.hasPrefix("dynamic exit at layer ") })
    }
}
