import Inference

/// Token Recycling: every target pass leaves, for each token it evaluated, the top candidates
/// for the token after it; those rows (the adjacency matrix) fill a fixed tree template hanging
/// off the last committed token, and the target verifies the whole tree in one pass. Drafting
/// costs no model pass at all; rows the target has not filled yet start with what followed the
/// token in the prompt. The drafts are deterministic, so sampling uses one-hot rejection
/// across siblings (greedy matching at temperature 0): lossless.
public struct TokenRecyclingStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "token-recycling", family: .speculative, lossless: true,
        description: "recycle the target's top-k candidates per token (adjacency matrix) into a static draft tree",
        parameters: DecodingParameters.samplerParameters + [treeSize])

    /// Candidates kept per token, as in the paper.
    public static let candidatesPerToken = 8

    private static let treeSize = SpeculativeParameters.treeSize.defaulting(to: 4)
    public var descriptor: StrategyDescriptor { Self.descriptor }
    private let template: StaticTreeTemplate
    private var adjacency = AdjacencyMatrix(candidatesPerToken: Self.candidatesPerToken)
    private let round: SpeculativeRound

    public init(parameters: DecodingParameters) {
        template = StaticTreeTemplate(
            // The paper's 80-node tree suits a GPU; on a CPU each extra verified row costs
            // nearly a token, so the default tree is small.
            size: Self.treeSize.integer(in: parameters),
            maxRank: Self.candidatesPerToken)
        round = SpeculativeRound(chain: SamplerChain(settings: parameters.sampler))
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        if context.generatedCount == 0 { adjacency.recordFollowers(in: context.tokens, vocabularySize: context.vocabulary.count) }
        let keep = SpeculativeRound.trimCache(context)
        let tree = template.fill(after: context.tokens[context.tokens.count - 1], maxDepth: max(0, context.tokenBudget - 1)) { adjacency.row($0) }
        let rowTokens = [context.tokens[context.tokens.count - 1]] + tree.nodes.map(\.token)
        let vocabularySize = context.vocabulary.count
        let label = "token recycling: \(tree.nodes.count) of \(template.nodes.count) template nodes"
        let round = self.round
        return try round.run(tree, keep: keep, drafter: label, context: context) { row, logits in
            self.adjacency.record(rowTokens[row], nextLogits: logits, vocabularySize: vocabularySize)
        }
    }
}
