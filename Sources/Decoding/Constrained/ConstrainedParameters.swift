/// The knobs of the weighted constrained strategies, with their names in `DecodingParameters.extra`.
public enum ConstrainedParameters {
    public static let temperature = ParameterDescriptor(
        name: "temperature", summary: "p = softmax(logits / T); 0 takes the most probable allowed token", range: 0...5, step: 0.1)
    public static let estimator = ParameterDescriptor(
        name: "estimator", summary: "AWRS weight: 0 two-round (paper), 1 recursive, 2 geometric", range: 0...2, step: 1,
        defaultValue: Double(AWRSEstimator.recursive.rawValue))
    public static let particles = ParameterDescriptor(
        name: "particles", summary: "SMC particles", range: 1...32, step: 1, defaultValue: 4)
    public static let essThreshold = ParameterDescriptor(
        name: "ess-threshold", summary: "resample when ESS < τ · particles", range: 0...1, step: 0.05, defaultValue: 0.5)
    public static let proposal = ParameterDescriptor(
        name: "proposal", summary: "SMC proposal: 0 token masking, 1 AWRS", range: 0...1, step: 1, defaultValue: 0)

    static func estimator(in parameters: DecodingParameters) -> AWRSEstimator {
        AWRSEstimator(rawValue: estimator.integer(in: parameters)) ?? .recursive
    }

    static func proposal(in parameters: DecodingParameters) -> ConstrainedProposal.Method {
        proposal.integer(in: parameters) == 0 ? .mask : .rejection(estimator(in: parameters))
    }

    static func essThreshold(in parameters: DecodingParameters) -> Double {
        essThreshold.clampedValue(in: parameters)
    }
}
