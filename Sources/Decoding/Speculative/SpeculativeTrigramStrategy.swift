import Foundation
import Inference

/// ADED-style drafting: a table of (two tokens → next-token counts) learned from the prompt,
/// from the committed text and from what the target itself predicted after every token it
/// evaluated (drafts it rejected included), drafts a small tree of the most frequent
/// continuations whose estimated chance, scaled by how well the estimates have held up
/// (`EstimateCalibration`), is worth a verified row; the target verifies it in one pass.
/// Drafting costs no model pass. The drafts are deterministic, so sampling uses one-hot
/// rejection across siblings (greedy matching at temperature 0): lossless.
public struct SpeculativeTrigramStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "speculative-trigram", family: .speculative, lossless: true,
        description: "ADED-style trigram table learned while decoding drafts a tree of the most frequent continuations",
        parameters: DecodingParameters.samplerParameters + [
            draftLength, treeSize, SpeculativeParameters.draftThreshold,
        ])

    private static let draftLength = SpeculativeParameters.draftLength.defaulting(to: 4)
    private static let treeSize = SpeculativeParameters.treeSize.defaulting(to: 5)
    public var descriptor: StrategyDescriptor { Self.descriptor }
    private let drafter: TrigramDrafter
    private var table = TrigramTable()
    private var calibration = EstimateCalibration()
    private let round: SpeculativeRound

    public init(parameters: DecodingParameters) {
        drafter = TrigramDrafter(
            size: Self.treeSize.integer(in: parameters),
            maxDepth: Self.draftLength.integer(in: parameters),
            // A verified row costs about a third of a token on a CPU: a node less likely than
            // that to be accepted slows the round down.
            threshold: SpeculativeParameters.draftThreshold.clampedValue(in: parameters))
        round = SpeculativeRound(chain: SamplerChain(settings: parameters.sampler))
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        let text = context.tokens
        // A new generation starts from its prompt alone, so a replay is the same run.
        if context.generatedCount == 0 {
            table = TrigramTable()
            table.record(text: text)
            calibration = EstimateCalibration()
        }
        let keep = SpeculativeRound.trimCache(context)
        let (tree, estimates) = drafter.draft(after: text, table: table, limit: max(0, context.tokenBudget - 1),
                                              vocabulary: context.vocabulary, trust: calibration.trust)
        let label = String(format: "trigram table of %d pairs, trust %.2f: %d-node tree", table.pairCount, calibration.trust, tree.nodes.count)
        // The context each evaluated row's prediction continues: (token before, row token).
        let root: (previous: TokenID?, last: TokenID) = (text.count >= 2 ? text[text.count - 2] : nil, text[text.count - 1])
        let rowContexts = [root] + tree.nodes.map { node -> (previous: TokenID?, last: TokenID) in
            (node.parent.map { tree.nodes[$0].token } ?? root.last, node.token)
        }
        var predictions: [TokenID] = []
        let result = try round.run(tree, keep: keep, drafter: label, context: context) { _, logits in predictions.append(Distribution.argmax(ofLogits: logits)) }
        for (row, next) in zip(rowContexts, predictions) { table.record(row.previous, row.last, next: next) }
        table.record(text: context.tokens, from: text.count)
        if case .draftTree(let trace) = result.payload {
            let judged = trace.nodes.indices.filter { trace.nodes[$0].verdict != .untested }
            calibration.record(estimates: judged.map { estimates[$0] }, accepted: judged.map { trace.nodes[$0].verdict == .accepted })
        }
        return result
    }
}
