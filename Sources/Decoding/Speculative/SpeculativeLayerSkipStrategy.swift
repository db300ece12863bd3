import Inference

/// SWIFT-style self-speculation: the target with a set of its layers skipped drafts a chain
/// (stopping early when unsure), the full target verifies it. The skip set is searched while
/// decoding, from the acceptance each candidate set earns; the draft length adapts PEARL-style.
/// Verification is speculative sampling (greedy matching at temperature 0): lossless.
public struct SpeculativeLayerSkipStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "speculative-layer-skip", family: .speculative, lossless: true,
        description: "draft with a layer-skipped target (skip set searched on the fly from acceptance), adaptive draft length",
        parameters: DecodingParameters.samplerParameters + [
            SpeculativeParameters.skipLayers, draftLength, SpeculativeParameters.adaptiveDraft,
        ])

    /// Drafting stops after a token the draft gives less than this (SWIFT's default).
    public static let minimumConfidence = 0.8

    private static let draftLength = SpeculativeParameters.draftLength.defaulting(to: 4)
    public var descriptor: StrategyDescriptor { Self.descriptor }
    private let skipCount: Int
    private var search: SkipSetSearch?
    private var length: AdaptiveDraftLength
    private let round: SpeculativeRound

    public init(parameters: DecodingParameters) {
        skipCount = SpeculativeParameters.skipLayers.integer(in: parameters)
        length = .configured(by: parameters, length: Self.draftLength)
        round = SpeculativeRound(chain: SamplerChain(settings: parameters.sampler))
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        var search = self.search ?? SkipSetSearch(layerCount: context.model.layerCount, skipCount: skipCount)
        let keep = SpeculativeRound.trimCache(context)
        var drafter = SelfDraftChain(chain: round.chain, options: EvaluationOptions(skippedLayers: search.current))
        drafter.minimumConfidence = Self.minimumConfidence
        let tree = try drafter.draft(context: context, keep: keep, length: min(length.current, max(0, context.tokenBudget - 1)))
        let skipped = search.current.sorted().map(String.init).joined(separator: ",")
        let label = "layer skip {\(skipped)}" + (search.isSearching ? " (searching, trial \(search.trials + 1))" : "") + ", draft \(tree.nodes.count)"
        let result = try round.run(tree, keep: keep, drafter: label, context: context)
        if case .draftTree(let trace) = result.payload {
            let accepted = trace.nodes.filter { $0.verdict == .accepted }.count
            let judged = trace.nodes.filter { $0.verdict != .untested }.count
            search.record(accepted: accepted, judged: judged)
        }
        length.record(result)
        self.search = search
        return result
    }
}
