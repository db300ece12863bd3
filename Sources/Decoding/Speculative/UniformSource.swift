/// Where verifiers and drafters get their randomness: one uniform draw at a time, each landing in
/// one cell of a partition of [0, 1) made by a list of non-negative weights. Production draws
/// come from `SeededRandom`; exact tests enumerate the cells instead of sampling them, so the
/// code under test is the code that runs.
public protocol UniformSource {
    /// Draws u ~ U[0, 1) and returns it with the index of the weight whose cell
    /// `[W(i-1)/W, W(i)/W)` contains u, where W(i) are the cumulative sums and W the total.
    /// A zero weight has an empty cell and is never chosen.
    mutating func draw(weights: [Double]) -> (index: Int, uniform: Double)
}

extension UniformSource {
    /// A Bernoulli trial: true when u < `probability`, returned with the u drawn.
    public mutating func trial(probability: Double) -> (success: Bool, uniform: Double) {
        let chance = min(max(probability, 0), 1)
        let draw = draw(weights: [chance, 1 - chance])
        return (draw.index == 0, draw.uniform)
    }
}
