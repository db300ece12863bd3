/// Self-speculation with a token tree: early exit drafts several children per node, the full
/// model judges the whole tree in one pass. Greedy matching at temperature 0; otherwise
/// multi-draft recursive rejection, with the rule that matches how siblings were drawn (RSD
/// for draws without replacement, SpecInfer for independent draws), or SpecTr's K-SEQ rule for
/// independent draws when asked. Lossless every way.
public struct SpeculativeTreeStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "speculative-tree", family: .speculative, lossless: true,
        description: "early-exit draft tree (width × depth), verified in one pass by recursive rejection over siblings",
        parameters: DecodingParameters.samplerParameters + [
            SpeculativeParameters.exitLayer, SpeculativeParameters.treeWidth, SpeculativeParameters.treeDepth,
            SpeculativeParameters.siblingsWithoutReplacement, SpeculativeParameters.kSequence,
        ])

    public var descriptor: StrategyDescriptor { Self.descriptor }
    private let drafter: EarlyExitTreeDrafter
    private let round: SpeculativeRound
    /// How sampled siblings are drawn and judged, for the label.
    private let rule: String

    public init(parameters: DecodingParameters) {
        let kSequence = SpeculativeParameters.kSequence.integer(in: parameters) == 1
        // K-SEQ assumes independent siblings, whatever the other switch says.
        let drawing: SiblingDrawing = !kSequence && SpeculativeParameters.siblingsWithoutReplacement.integer(in: parameters) == 1
            ? .withoutReplacement : .independent
        drafter = EarlyExitTreeDrafter(
            exitLayer: SpeculativeParameters.exitLayer.integer(in: parameters),
            width: SpeculativeParameters.treeWidth.integer(in: parameters),
            depth: SpeculativeParameters.treeDepth.integer(in: parameters),
            drawing: drawing)
        round = SpeculativeRound(chain: SamplerChain(settings: parameters.sampler), siblings: drawing,
                                 samplingVerifier: kSequence ? KSequenceVerifier() : nil)
        rule = kSequence ? "judged by K-SEQ" : drawing.phrase
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        let keep = SpeculativeRound.trimCache(context)
        let tree = try drafter.draft(context: context, keep: keep, chain: round.chain, limit: max(0, context.tokenBudget - 1))
        let label = "early-exit tree at layer \(EarlyExitDrafter.usableExitLayer(drafter.exitLayer, on: context.model)), "
            + "\(drafter.width) wide, \(tree.nodes.count) nodes, siblings \(rule)"
        return try round.run(tree, keep: keep, drafter: label, context: context)
    }
}
