import Foundation
import Testing
import TestSupport
import Decoding
import Inference

/// The real model at temperature 0: speculative strategies must produce exactly the greedy
/// tokens (the runtime's batched logits are bit-identical to one-at-a-time ones).
@Suite(.serialized) struct SpeculativeRealModelTests {
    static func load() throws -> (model: LlamaModel, tokenizer: Tokenizer) {
        let gguf = try GGUFFile(path: try GoldenData.defaultModelPath())
        let tokenizer = try Tokenizer(gguf: gguf)
        return (try LlamaModel(gguf: gguf, vocabulary: tokenizer, threads: 2, contextLength: 512), tokenizer)
    }

    static func prompt(_ name: String, tokenizer: Tokenizer) throws -> [TokenID] {
        let url = GoldenData.repositoryRoot.appendingPathComponent("samples/prompts/\(name).txt")
        return tokenizer.encode(try String(contentsOf: url, encoding: .utf8))
    }

    /// The model, the sample's prompt and greedy decoding's first `tokens` tokens of it.
    static func greedyReference(_ sample: String, tokens: Int) throws -> (model: LlamaModel, prompt: [TokenID], expected: (tokens: [TokenID], steps: [StepResult])) {
        let (model, tokenizer) = try Self.load()
        let prompt = try Self.prompt(sample, tokenizer: tokenizer)
        var reference = GreedyStrategy()
        return (model, prompt, try decode(&reference, model: model, prompt: prompt, maxNewTokens: tokens))
    }

    static var greedy: DecodingParameters {
        var parameters = DecodingParameters()
        parameters.sampler.temperature = 0
        return parameters
    }

    @Test func lookupIsGreedyOnTheCodeEditSample() throws {
        let (model, prompt, expected) = try Self.greedyReference("code-edit", tokens: 128)
        var lookup = try StrategyCatalog.make(SpeculativeLookupStrategy.descriptor.name, parameters: Self.greedy)
        let run = try decode(&lookup, model: model, prompt: prompt, maxNewTokens: 128)
        #expect(run.tokens == expected.tokens)
        #expect(run.steps.count < expected.steps.count)
    }

    static let samples = ["code-edit", "explain-concept", "json-rewrite", "story", "summarise"]
    static let treeStrategies = [
        SpeculativeTreeStrategy.descriptor.name, TokenRecyclingStrategy.descriptor.name, LookaheadStrategy.descriptor.name,
        SpeculativeLayerSkipStrategy.descriptor.name, SpeculativeTrigramStrategy.descriptor.name,
        SpeculativeDynamicExitStrategy.descriptor.name, SpeculativeJacobiStrategy.descriptor.name,
    ]
    /// Strategies whose drafts cost model passes: they need not save target passes.
    static let selfDrafting: Set = [SpeculativeTreeStrategy.descriptor.name, SpeculativeDynamicExitStrategy.descriptor.name]

    /// 128 tokens of every sample prompt: each tree strategy emits exactly the greedy tokens.
    /// Those that draft for free must also need fewer target passes than greedy needs tokens.
    @Test(arguments: samples)
    func treeStrategiesAreGreedy(sample: String) throws {
        let (model, prompt, expected) = try Self.greedyReference(sample, tokens: 128)
        for name in Self.treeStrategies {
            var strategy = try StrategyCatalog.make(name, parameters: Self.greedy)
            let run = try decode(&strategy, model: model, prompt: prompt, maxNewTokens: 128)
            #expect(run.tokens == expected.tokens, "\(name) on \(sample)")
            if !Self.selfDrafting.contains(name) {
                #expect(run.steps.count < expected.steps.count, "\(name) on \(sample): \(run.steps.count) passes")
            }
        }
    }

    /// Prompt lookup's draft length, adaptive (its default) and fixed, and early exit's
    /// adaptive one on every sample.
    @Test(arguments: samples)
    func chainDraftLengthsAreGreedy(sample: String) throws {
        let (model, prompt, expected) = try Self.greedyReference(sample, tokens: 128)
        let runs = [(SpeculativeLookupStrategy.descriptor.name, 1.0), (SpeculativeLookupStrategy.descriptor.name, 0),
                    (SpeculativeEarlyExitStrategy.descriptor.name, 1)]
        for (name, adaptive) in runs {
            var parameters = Self.greedy
            parameters.set(SpeculativeParameters.adaptiveDraft.name, to: adaptive)
            var strategy = try StrategyCatalog.make(name, parameters: parameters)
            let run = try decode(&strategy, model: model, prompt: prompt, maxNewTokens: 128)
            #expect(run.tokens == expected.tokens, "\(name), adaptive \(adaptive), on \(sample)")
        }
    }

    @Test func earlyExitIsGreedy() throws {
        let (model, prompt, expected) = try Self.greedyReference("story", tokens: 32)
        var parameters = Self.greedy
        parameters.set(SpeculativeParameters.exitLayer.name, to: 24)
        var earlyExit = try StrategyCatalog.make(SpeculativeEarlyExitStrategy.descriptor.name, parameters: parameters)
        let run = try decode(&earlyExit, model: model, prompt: prompt, maxNewTokens: 32)
        #expect(run.tokens == expected.tokens)
    }
}
