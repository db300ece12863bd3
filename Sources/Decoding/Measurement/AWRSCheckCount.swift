/// The cost side of adaptive rejection sampling: how many constraint checks the walk makes
/// before it meets the first allowed token, with the same sampler the AWRS strategy uses.
public enum AWRSCheckCount {
    /// Checks up to and including the first allowed token (all checks made when none is).
    /// - Parameters:
    ///   - probabilities: the model's p over the vocabulary at this step.
    ///   - isAllowed: the constraint check of one token.
    public static func checksToFirstAllowed(_ probabilities: [Double], isAllowed: (Int) -> Bool, random: inout SeededRandom) -> Int {
        // Every estimator walks identically up to the first acceptance; they differ only after it.
        let outcome = AdaptiveRejectionSampler(estimator: .recursive).sample(probabilities, isAllowed: isAllowed, random: &random)
        return (outcome.tested.firstIndex { $0.allowed } ?? (outcome.tested.count - 1)) + 1
    }
}
