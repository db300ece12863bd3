import Inference

/// Speculative Jacobi decoding (SJD): a Jacobi window whose guesses are drawn from the previous
/// pass's target distributions, verified as a chain by speculative sampling (greedy matching at
/// temperature 0), so unlike plain Jacobi it keeps the target's law when sampling. One target
/// pass both verifies the window and yields the next iterate; see `SpeculativeJacobiWindow` for
/// where guesses come from and why the result is exact. The window's width adapts PEARL-style
/// by default, since on a CPU every verified row costs nearly a token.
public struct SpeculativeJacobiStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "speculative-jacobi", family: .speculative, lossless: true,
        description: "Jacobi window sampled from the last pass's distributions, verified by speculative sampling (SJD)",
        parameters: DecodingParameters.samplerParameters + [
            windowWidth, SpeculativeParameters.adaptiveDraft, SpeculativeParameters.lookupLeads,
            SpeculativeParameters.ngramSize,
        ])

    private static let windowWidth = SpeculativeParameters.windowWidth.defaulting(to: 3)
    public var descriptor: StrategyDescriptor { Self.descriptor }
    private let guessing: SpeculativeJacobiWindow.Guessing
    private let round: SpeculativeRound
    private var width: AdaptiveDraftLength
    private let configuredWidth: AdaptiveDraftLength
    private var window = SpeculativeJacobiWindow()

    public init(parameters: DecodingParameters) {
        configuredWidth = .configured(by: parameters, length: Self.windowWidth)
        width = configuredWidth
        guessing = SpeculativeJacobiWindow.Guessing(
            lookup: PromptLookupDrafter(
                maxNgramSize: SpeculativeParameters.ngramSize.integer(in: parameters),
                draftLength: configuredWidth.maximum),
            lookupLeads: SpeculativeParameters.lookupLeads.integer(in: parameters) == 1,
            greedy: parameters.sampler.isGreedy)
        round = SpeculativeRound(chain: SamplerChain(settings: parameters.sampler))
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        if context.generatedCount == 0 {
            width = configuredWidth
            window = SpeculativeJacobiWindow()
            advance(evaluated: 0, committed: 0, targets: [], context: context)
        }
        let keep = SpeculativeRound.trimCache(context)
        let tree = window.chain(limit: context.tokenBudget - 1)
        let before = context.tokens.count
        var targets: [[Double]] = []
        let fromTarget = window.guesses.prefix(tree.nodes.count).filter(\.isFromTarget).count
        let label = "Jacobi window \(tree.nodes.count): \(fromTarget) from the target, \(tree.nodes.count - fromTarget) looked up" + width.labelNote
        var result = try round.run(tree, keep: keep, drafter: label, context: context, observeTarget: { _, target in targets.append(target) })
        width.record(result)

        let verifiedWindow = window
        let redraws = advance(evaluated: tree.nodes.count, committed: context.tokens.count - before, targets: targets, context: context)
        if case .draftTree(var trace) = result.payload {
            trace.jacobi = verifiedWindow.grid(evaluated: tree.nodes.count, accepted: trace.acceptedPath.count, redraws: redraws)
            result.payload = .draftTree(trace)
        }
        return result
    }

    @discardableResult
    private mutating func advance(evaluated: Int, committed: Int, targets: [[Double]], context: DecodingContext) -> [TokenID?] {
        let vocabulary = context.vocabulary
        // Control tokens copied from a chat template are almost never what the target writes next.
        return window.advance(evaluated: evaluated, committed: committed, targets: targets, text: context.tokens, width: width.current,
                              guessing: guessing, isCopyable: { !vocabulary.isControl($0) }, uniforms: &context.random)
    }
}
