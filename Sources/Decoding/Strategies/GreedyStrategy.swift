/// Always the most probable token of the model's raw distribution (ties: lowest id).
public struct GreedyStrategy: DecodingStrategy {
    public static let descriptor = StrategyDescriptor(
        name: "greedy", family: .sampling, lossless: true,
        description: "argmax of the model's distribution at every step",
        parameters: [])

    public var descriptor: StrategyDescriptor { Self.descriptor }
    private let viewSize: Int

    public init(viewSize: Int = 10) {
        self.viewSize = viewSize
    }

    public mutating func step(_ context: DecodingContext) throws -> StepResult {
        let distribution = Distribution(logits: try context.nextTokenLogits())
        let chosen = distribution.argmax
        let entropy = distribution.entropy
        context.append([chosen])
        let trace = DistributionTrace(
            stages: [distribution.view(stage: "raw", label: "raw softmax", topCount: viewSize)],
            chosen: chosen, entropy: entropy, varentropy: distribution.varentropy, uniform: nil)
        return StepResult(
            tokens: [TracedToken(token: chosen, source: .greedy, probability: distribution.probability(of: chosen), entropy: entropy)],
            payload: .distribution(trace))
    }
}
