import Grammar
import Inference

/// Sample, then check (llama.cpp's grammar sampling): draw from the unconstrained sampler chain
/// and test only that token; when the constraint rejects it, compute the full mask and draw
/// again from the masked chain. Most steps cost one check instead of a mask. For plain
/// temperature sampling the result has the masking distribution; with truncation (top-k, top-p)
/// the fallback truncates after masking, so the two differ slightly.
public struct ConstrainedCheckStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "constrained-check", family: .constrained, lossless: false,
        description: "sample then check (llama.cpp): test the sampled token, full mask and resample only when it is rejected",
        parameters: DecodingParameters.samplerParameters)

    public var descriptor: StrategyDescriptor { Self.descriptor }
    private var tracker: ConstraintTracker
    private let chain: SamplerChain

    public init(parameters: DecodingParameters, viewSize: Int = 10) throws {
        tracker = try ConstraintTracker(parameters.constraint, strategy: Self.descriptor.name)
        chain = SamplerChain(settings: parameters.sampler, viewSize: viewSize)
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        let logits = try context.nextTokenLogits()
        let (constraint, state) = try tracker.attach(to: context)
        let first = ChainDraw(chain: chain, logits: logits, history: context.tokens, random: &context.random)
        // The first draw ran the chain on the unmasked row, so its raw softmax is the model's.
        let raw = first.result.raw
        let firstAllowed = constraint.allows(first.token, after: state)
        let tested = [MaskTrace.TestedToken(token: first.token, probability: first.probability, allowed: firstAllowed)]

        let chosen: TokenID
        let source: TokenSource
        let trace: MaskTrace
        if firstAllowed {
            chosen = first.token
            source = first.source
            trace = MaskTrace(allowedCount: nil, vocabularySize: logits.count, tested: tested, maskedMass: nil,
                              distribution: first.trace(viewSize: chain.viewSize))
        } else {
            let masked = try MaskedLogits(logits: logits, raw: raw, mask: constraint.mask(after: state), generated: context.generatedCount)
            let second = masked.draw(chain: chain, history: context.tokens, random: &context.random)
            chosen = second.token
            source = masked.source(of: second)
            trace = masked.trace(of: second, raw: raw, tested: tested, viewSize: chain.viewSize)
        }
        tracker.commit(chosen)
        context.append([chosen])
        return StepResult(
            tokens: [TracedToken(token: chosen, source: source, probability: raw.probability(of: chosen), entropy: raw.entropy)],
            payload: .mask(trace))
    }
}
