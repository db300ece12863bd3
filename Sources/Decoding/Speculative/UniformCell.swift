/// The cell a uniform falls into; shared by every `UniformSource` that draws real numbers.
public enum UniformCell {
    /// Index of the cell of `weights` (scaled to sum 1) that contains `uniform`. Rounding can
    /// leave the cumulative sum just below the total, so a draw past the end picks the last
    /// positive weight.
    public static func index(containing uniform: Double, weights: [Double]) -> Int {
        precondition(!weights.isEmpty, "a draw needs at least one cell")
        let total = weights.reduce(0) { $0 + max($1, 0) }
        let target = uniform * total
        var cumulative = 0.0
        var lastPositive = 0
        for (i, weight) in weights.enumerated() where weight > 0 {
            cumulative += weight
            lastPositive = i
            if target < cumulative { return i }
        }
        return lastPositive
    }
}
