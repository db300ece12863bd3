import Foundation

/// DEL-style self-speculation: early exit drafts a chain, but the exit layer and the draft
/// length are chosen every round from the acceptance each layer earned so far
/// (`DynamicExitLayer`), and drafting stops when no layer pays. The full model verifies with
/// speculative sampling (greedy matching at temperature 0): lossless.
public struct SpeculativeDynamicExitStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "speculative-dynamic-exit", family: .speculative, lossless: true,
        description: "DEL: exit layer and draft length picked each round from per-layer acceptance (tokens per layer)",
        parameters: DecodingParameters.samplerParameters + [draftLength])

    private static let draftLength = SpeculativeParameters.draftLength.defaulting(to: 4)
    public var descriptor: StrategyDescriptor { Self.descriptor }
    private let maximumDraft: Int
    private var selector: DynamicExitLayer?
    private let round: SpeculativeRound

    public init(parameters: DecodingParameters) {
        maximumDraft = Self.draftLength.integer(in: parameters)
        round = SpeculativeRound(chain: SamplerChain(settings: parameters.sampler))
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        // A new generation learns from scratch, so a replay is the same run.
        if context.generatedCount == 0 { selector = nil }
        var selector = self.selector ?? DynamicExitLayer(layerCount: context.model.layerCount, maximumDraft: maximumDraft)
        let choice = selector.choose()
        let keep = SpeculativeRound.trimCache(context)
        let drafter = EarlyExitDrafter(exitLayer: choice.layer, draftLength: choice.draftLength)
        let tree = try drafter.draft(context: context, keep: keep, chain: round.chain, limit: max(0, context.tokenBudget - 1))
        let result = try round.run(tree, keep: keep, drafter: Self.label(choice), context: context)
        if case .draftTree(let trace) = result.payload {
            selector.record(layer: choice.layer, drafted: trace.nodes.count, accepted: trace.acceptedPath.count)
        }
        self.selector = selector
        return result
    }

    private static func label(_ choice: DynamicExitLayer.Choice) -> String {
        let acceptance = choice.acceptance.map { String(format: "acceptance %.2f", $0) } ?? "not tried yet"
        if choice.isProbe { return "dynamic exit: probing layer \(choice.layer) (\(acceptance))" }
        if choice.draftLength == 0 { return "dynamic exit: no layer pays, no draft" }
        return "dynamic exit at layer \(choice.layer) (\(acceptance)), draft \(choice.draftLength)"
    }
}
