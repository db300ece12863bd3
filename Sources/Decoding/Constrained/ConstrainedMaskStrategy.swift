import Grammar
import Inference

/// Locally constrained decoding (token masking): every step computes the full mask of allowed
/// tokens, sets the others' logits to −∞ and samples through the user's sampler chain
/// (temperature 0: the most probable allowed token). The output is always in the language but
/// its distribution is myopic; the step weight log Z (the allowed share of the raw softmax) is
/// what an importance sampler would use to correct it.
public struct ConstrainedMaskStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "constrained-mask", family: .constrained, lossless: false,
        description: "token masking: forbidden tokens get −∞ logits, then the sampler chain (locally constrained decoding)",
        parameters: DecodingParameters.samplerParameters)

    public var descriptor: StrategyDescriptor { Self.descriptor }
    private var tracker: ConstraintTracker
    private let chain: SamplerChain
    private var cumulativeLogWeight = 0.0

    public init(parameters: DecodingParameters, viewSize: Int = 10) throws {
        tracker = try ConstraintTracker(parameters.constraint, strategy: Self.descriptor.name)
        chain = SamplerChain(settings: parameters.sampler, viewSize: viewSize)
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        let logits = try context.nextTokenLogits()
        let (constraint, state) = try tracker.attach(to: context)
        let raw = Distribution(logits: logits)
        let mask = constraint.mask(after: state)
        let masked = try MaskedLogits(logits: logits, raw: raw, mask: mask, generated: context.generatedCount)
        let draw = masked.draw(chain: chain, history: context.tokens, random: &context.random)
        tracker.commit(draw.token)
        context.append([draw.token])
        cumulativeLogWeight += masked.logAllowedMass
        let trace = masked.trace(of: draw, raw: raw, tested: [], viewSize: chain.viewSize, cumulativeLogWeight: cumulativeLogWeight)
        return StepResult(
            tokens: [TracedToken(token: draw.token, source: masked.source(of: draw), probability: raw.probability(of: draw.token), entropy: raw.entropy)],
            payload: .mask(trace))
    }
}
