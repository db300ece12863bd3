import Decoding
import Inference
import Testing

/// Near the end of the model's context a batch may not fit: strategies shrink what they
/// evaluate instead of stopping early with room left.
struct ContextEndTests {
    static let prompt: [TokenID] = [1, 3]

    func greedyTokens(contextLength: Int) throws -> [TokenID] {
        var greedy = try StrategyCatalog.make("greedy", parameters: DecodingParameters())
        return try decode(&greedy, model: ToyModel(seed: 2, contextLength: contextLength), prompt: Self.prompt, maxNewTokens: 100).tokens
    }

    /// Wide trees (the early-exit tree, Token Recycling's static tree) keep their first nodes,
    /// so at temperature 0 they still give greedy's text up to the last position.
    @Test(arguments: ["speculative-tree", "token-recycling", "speculative-trigram", "lookahead"], [8, 12, 20])
    func losslessTreesGiveGreedysTextUpToTheLastPosition(strategy: String, contextLength: Int) throws {
        var parameters = DecodingParameters()
        parameters.sampler.temperature = 0
        var tree = try StrategyCatalog.make(strategy, parameters: parameters)
        let tokens = try decode(&tree, model: ToyModel(seed: 2, contextLength: contextLength), prompt: Self.prompt, maxNewTokens: 100).tokens
        #expect(tokens == (try greedyTokens(contextLength: contextLength)))
    }

    /// Beam search goes on until the context is full or a hypothesis ends: each hypothesis
    /// holds only its own positions, so all of them fit as long as the longest does.
    @Test(arguments: [8, 12, 20])
    func beamSearchFillsTheContext(contextLength: Int) throws {
        var beam = BeamSearchStrategy(width: 4, lengthPenalty: 1)
        let model = ToyModel(seed: 2, contextLength: contextLength)
        let tokens = try decode(&beam, model: model, prompt: Self.prompt, maxNewTokens: 100).tokens
        let ended = tokens.last.map(model.vocabulary.isEndOfGeneration) ?? false
        #expect(ended || Self.prompt.count + tokens.count == contextLength, "\(tokens)")
    }
}
