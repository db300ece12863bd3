import Grammar
import Inference

/// Adaptive weighted rejection sampling on its own (one particle): each step draws tokens from
/// the tempered distribution in a without-replacement order and checks them one at a time until
/// one is allowed, so it samples exactly what token masking samples, usually after a handful of
/// checks and with no full mask. The estimator's weight is shown per step and summed.
public struct AWRSStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "awrs", family: .constrained, lossless: false,
        description: "adaptive weighted rejection sampling: check sampled tokens one at a time, no full mask; unbiased weight of Z",
        parameters: [ConstrainedParameters.temperature, ConstrainedParameters.estimator])

    public var descriptor: StrategyDescriptor { Self.descriptor }
    private var tracker: ConstraintTracker
    private let proposal: ConstrainedProposal
    private let viewSize: Int
    private var cumulativeLogWeight = 0.0

    public init(parameters: DecodingParameters, viewSize: Int = 10) throws {
        tracker = try ConstraintTracker(parameters.constraint, strategy: Self.descriptor.name)
        proposal = ConstrainedProposal(method: .rejection(ConstrainedParameters.estimator(in: parameters)),
                                       temperature: parameters.sampler.temperature)
        self.viewSize = viewSize
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        let logits = try context.nextTokenLogits()
        let (constraint, state) = try tracker.attach(to: context)
        let raw = Distribution(logits: logits)
        let tempered = proposal.tempered(logits)
        let outcome = proposal.propose(logits: logits, tempered: tempered, constraint: constraint, state: state, random: &context.random)
        guard let token = outcome.token else { throw ConstraintError.deadEnd(generated: context.generatedCount) }
        tracker.commit(token)
        context.append([token])
        cumulativeLogWeight += outcome.logWeight

        var stages = [raw.view(stage: "raw", label: "raw softmax", topCount: viewSize)]
        if proposal.temperature > 0 {
            stages.append(tempered.view(stage: "temperature", label: "temperature \(proposal.temperature)", topCount: viewSize))
        }
        let distribution = DistributionTrace(stages: stages, chosen: token, entropy: tempered.entropy, varentropy: tempered.varentropy, uniform: nil)
        let trace = MaskTrace(allowedCount: nil, vocabularySize: logits.count, tested: outcome.tested, maskedMass: nil, distribution: distribution,
                              stepLogWeight: outcome.logWeight, cumulativeLogWeight: cumulativeLogWeight)
        let source: TokenSource = proposal.temperature > 0 ? .sampled : .greedy
        return StepResult(
            tokens: [TracedToken(token: token, source: source, probability: raw.probability(of: token), entropy: raw.entropy)],
            payload: .mask(trace))
    }
}
