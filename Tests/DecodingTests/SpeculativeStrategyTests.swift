import Foundation
import Testing
import Decoding
import Inference

/// The speculative strategies on the ToyModel, through the real loop: drafting, one target pass
/// over a chain, verification, KV rollback by commit/truncate, bonus tokens.
@Suite struct SpeculativeStrategyTests {
    static let names = [
        SpeculativeLookupStrategy.descriptor.name, SpeculativeEarlyExitStrategy.descriptor.name,
        SpeculativeTreeStrategy.descriptor.name, TokenRecyclingStrategy.descriptor.name, LookaheadStrategy.descriptor.name,
        SpeculativeLayerSkipStrategy.descriptor.name, SpeculativeTrigramStrategy.descriptor.name,
        SpeculativeDynamicExitStrategy.descriptor.name, SpeculativeJacobiStrategy.descriptor.name,
    ]
    /// Prompts with and without repeats, so lookup sometimes finds nothing.
    static let prompts: [[TokenID]] = [[1, 3, 6, 9, 1, 11, 14, 1, 3], [2, 5], [1, 4, 7, 15, 10, 2, 12, 14]]

    /// Temperature 0 with the end token banned so runs are long enough to repeat themselves.
    static var greedyParameters: DecodingParameters {
        var parameters = DecodingParameters()
        parameters.sampler.temperature = 0
        parameters.sampler.logitBias = [ToyVocabulary.endToken: -50]
        return parameters
    }

    @Test(arguments: names)
    func temperatureZeroIsTokenIdenticalToGreedy(name: String) throws {
        var draftedAndAccepted = 0
        for (seed, prompt) in Self.prompts.enumerated() {
            var reference = SamplingStrategy(settings: Self.greedyParameters.sampler)
            let expected = try decode(&reference, model: ToyModel(seed: UInt64(seed), contextLength: 128), prompt: prompt, maxNewTokens: 60)
            var strategy = try StrategyCatalog.make(name, parameters: Self.greedyParameters)
            let model = ToyModel(seed: UInt64(seed), contextLength: 128)
            let run = try decode(&strategy, model: model, prompt: prompt, maxNewTokens: 60)
            #expect(run.tokens == expected.tokens, "\(name) prompt \(prompt)")
            #expect(run.steps.flatMap(\.tokens).filter(\.source.isCommitted).map(\.token) == run.tokens)
            // The lens shows the model's raw numbers, the same for the same text whatever the strategy.
            let committed = run.steps.flatMap(\.tokens).filter(\.source.isCommitted)
            let plain = expected.steps.flatMap(\.tokens)
            #expect(committed.map(\.probability) == plain.map(\.probability), "\(name) prompt \(prompt)")
            #expect(committed.map(\.entropy) == plain.map(\.entropy), "\(name) prompt \(prompt)")
            draftedAndAccepted += run.steps.flatMap(\.tokens).filter { $0.source == .draftAccepted }.count
            // Fewer target passes than tokens is the point of speculating.
            #expect(run.steps.count < run.tokens.count)
        }
        #expect(draftedAndAccepted > 30)
    }

    @Test func lookupDoesNotDraftControlTokens() throws {
        // " the cat" recurs, but what followed it is the end token, a control token.
        var strategy = try StrategyCatalog.make(SpeculativeLookupStrategy.descriptor.name, parameters: Self.greedyParameters)
        let context = DecodingContext(model: ToyModel(seed: 1), prompt: [1, 3, 0, 2, 1, 3], maxNewTokens: 4, seed: 1)
        let step = try strategy.step(context)
        guard case .draftTree(let tree) = step.payload else { Issue.record("expected a draft tree"); return }
        #expect(tree.nodes.isEmpty && tree.drafter == "prompt lookup 2-gram at 0: only control tokens follow it, adaptive length 1/3")
        #expect(step.tokens.map(\.source) == [.greedy])
    }

    @Test func traceShowsTheTreeWithRealNumbers() throws {
        var parameters = DecodingParameters()
        parameters.sampler = SamplerSettings.unfiltered
        parameters.set(SpeculativeParameters.exitLayer.name, to: 1)
        var strategy = try StrategyCatalog.make(SpeculativeEarlyExitStrategy.descriptor.name, parameters: parameters)
        let model = ToyModel(seed: 2, contextLength: 128)
        let run = try decode(&strategy, model: model, prompt: [1, 3], maxNewTokens: 40, seed: 9)
        var sawRejection = false
        for step in run.steps {
            guard case .draftTree(let tree) = step.payload else { Issue.record("expected a draft tree"); continue }
            #expect(tree.drafter.hasPrefix("early exit at layer 1, adaptive length "))
            for node in tree.nodes where node.verdict != .untested {
                let q = try #require(node.q)
                let r = try #require(node.r)
                #expect(q > 0 && node.p >= 0 && node.p <= 1)
                #expect((r < min(1, node.p / q)) == (node.verdict == .accepted))
            }
            for node in tree.nodes where node.verdict == .rejected {
                sawRejection = true
                #expect(!node.residualTop.isEmpty)
                #expect(step.tokens.contains { $0.source == .resampled })
            }
            #expect(tree.acceptedPath.allSatisfy { tree.nodes[$0].verdict == .accepted })
        }
        #expect(sawRejection)
    }

    @Test func lookaheadTraceCarriesItsJacobiGrid() throws {
        var parameters = Self.greedyParameters
        parameters.set(SpeculativeParameters.lookaheadNgram.name, to: 3)
        parameters.set(SpeculativeParameters.windowWidth.name, to: 4)
        var strategy = try StrategyCatalog.make(LookaheadStrategy.descriptor.name, parameters: parameters)
        let run = try decode(&strategy, model: ToyModel(seed: 3, contextLength: 128), prompt: [1, 3, 6, 9, 1, 11], maxNewTokens: 40)
        var collected = 0
        for step in run.steps {
            guard case .draftTree(let tree) = step.payload, let grid = tree.jacobi else { Issue.record("expected a Jacobi grid"); continue }
            // Two levels of four guesses, and the four the pass produced (none cut by the budget).
            #expect(grid.levels.count == 2 && grid.levels.allSatisfy { $0.count == 4 })
            #expect(grid.next.count == 4)
            #expect(grid.poolCandidates.allSatisfy { $0.count == 2 })
            collected += grid.collected
        }
        #expect(collected > 0)
        // Far from the token budget the whole window is evaluated and yields its next level.
        guard case .draftTree(let first) = run.steps[0].payload else { return }
        #expect(first.jacobi?.next.allSatisfy { $0 != nil } == true)
    }

    /// Part 2.2 of the reference: the joint law of the first two generated tokens from the real
    /// loop, against the product of the target's conditionals. Seeded, so deterministic.
    @Test(arguments: names)
    func samplingKeepsTheTargetDistribution(name: String) throws {
        try Self.checkTargetLaw(name: name, parameters: Self.samplingParameters)
    }

    /// The tree strategy's other sibling rule: independent draws judged by SpecInfer's rule.
    @Test func treeWithIndependentSiblingsKeepsTheTargetDistribution() throws {
        var parameters = Self.samplingParameters
        parameters.set(SpeculativeParameters.siblingsWithoutReplacement.name, to: 0)
        parameters.set(SpeculativeParameters.treeWidth.name, to: 3)
        try Self.checkTargetLaw(name: SpeculativeTreeStrategy.descriptor.name, parameters: parameters)
    }

    /// The K-SEQ verifier on independent siblings, three per node.
    @Test func treeWithKSequenceVerificationKeepsTheTargetDistribution() throws {
        var parameters = Self.samplingParameters
        parameters.set(SpeculativeParameters.kSequence.name, to: 1)
        parameters.set(SpeculativeParameters.treeWidth.name, to: 3)
        try Self.checkTargetLaw(name: SpeculativeTreeStrategy.descriptor.name, parameters: parameters)
    }

    /// The tree's label says how siblings were drawn in words, never a code name.
    @Test(arguments: [(0, 0, "siblings drawn independently"), (1, 0, "siblings drawn without replacement"), (1, 1, "siblings judged by K-SEQ")])
    func treeLabelNamesTheSiblingRule(withoutReplacement: Int, kSequence: Int, phrase: String) throws {
        var parameters = Self.samplingParameters
        parameters.set(SpeculativeParameters.siblingsWithoutReplacement.name, to: Double(withoutReplacement))
        parameters.set(SpeculativeParameters.kSequence.name, to: Double(kSequence))
        var strategy = try StrategyCatalog.make(SpeculativeTreeStrategy.descriptor.name, parameters: parameters)
        let run = try decode(&strategy, model: ToyModel(seed: 2, contextLength: 128), prompt: [1, 3, 6], maxNewTokens: 4)
        guard case .draftTree(let tree)? = run.steps.first?.payload else {
            Issue.record("the tree strategy traces its draft tree")
            return
        }
        #expect(tree.drafter.hasSuffix(phrase), "\(tree.drafter)")
    }

    /// The chain drafters whose length adapts by default, with a fixed length.
    @Test(arguments: [SpeculativeLookupStrategy.descriptor.name, SpeculativeEarlyExitStrategy.descriptor.name])
    func fixedDraftLengthKeepsTheTargetDistribution(name: String) throws {
        var parameters = Self.samplingParameters
        parameters.set(SpeculativeParameters.adaptiveDraft.name, to: 0)
        try Self.checkTargetLaw(name: name, parameters: parameters)
    }

    static var samplingParameters: DecodingParameters {
        var parameters = DecodingParameters()
        parameters.sampler = SamplerSettings.unfiltered
        parameters.set(SpeculativeParameters.exitLayer.name, to: 1)
        parameters.set(SpeculativeParameters.draftLength.name, to: 3)
        return parameters
    }

    static func checkTargetLaw(name: String, parameters: DecodingParameters) throws {
        let samples = 100_000
        let prompt: [TokenID] = [1, 3, 6, 9, 1, 11, 14, 1, 3]
        let model = ToyModel(seed: 4, contextLength: 64)
        var strategy = try StrategyCatalog.make(name, parameters: parameters)
        var counts: [[TokenID]: Int] = [:]
        for sample in 0..<samples {
            let run = try decode(&strategy, model: model, prompt: prompt, maxNewTokens: 4, seed: UInt64(sample))
            counts[firstTwo(run.tokens), default: 0] += 1
        }
        let exact = exactFirstTwo(model: model, prompt: prompt)
        #expect(Set(counts.keys).isSubset(of: Set(exact.keys)))
        // The first token alone has few cells, so its bound is tighter.
        var firstCounts: [[TokenID]: Int] = [:]
        for (outcome, count) in counts { firstCounts[[outcome[0]], default: 0] += count }
        var firstExact: [[TokenID]: Double] = [:]
        for (outcome, probability) in exact { firstExact[[outcome[0]], default: 0] += probability }
        for (observed, law) in [(firstCounts, firstExact), (counts, exact)] {
            let distance = totalVariation(observed, samples: samples, from: law)
            // Distribution-free bound at δ = 1e-6 (Part 2.2): ½(√(cells/N) + √(2 ln(1/δ)/N)).
            let n = Double(samples)
            let threshold = 0.5 * ((Double(law.count) / n).squareRoot() + (2 * log(1e6) / n).squareRoot())
            #expect(distance < threshold, "\(name), \(law.count) cells: TV \(distance) vs threshold \(threshold)")
        }
    }

    static func totalVariation(_ counts: [[TokenID]: Int], samples: Int, from law: [[TokenID]: Double]) -> Double {
        law.map { outcome, probability in abs(Double(counts[outcome] ?? 0) / Double(samples) - probability) }.reduce(0, +) / 2
    }

    /// The first two tokens, or just the end token when generation stopped after one.
    static func firstTwo(_ tokens: [TokenID]) -> [TokenID] {
        tokens.first == ToyVocabulary.endToken ? [ToyVocabulary.endToken] : Array(tokens.prefix(2))
    }

    static func exactFirstTwo(model: ToyModel, prompt: [TokenID]) -> [[TokenID]: Double] {
        let first = Distribution(logits: model.logits(after: prompt)).probabilities
        var law: [[TokenID]: Double] = [[ToyVocabulary.endToken]: first[Int(ToyVocabulary.endToken)]]
        for a in first.indices where TokenID(a) != ToyVocabulary.endToken {
            let second = Distribution(logits: model.logits(after: prompt + [TokenID(a)])).probabilities
            for b in second.indices { law[[TokenID(a), TokenID(b)]] = first[a] * second[b] }
        }
        return law
    }
}

extension SamplerSettings {
    /// Temperature 1 and no truncation: the target is the model's own softmax.
    static var unfiltered: SamplerSettings {
        var settings = SamplerSettings()
        settings.temperature = 1
        settings.topK = 0
        settings.topP = 1
        settings.minP = 0
        return settings
    }
}
