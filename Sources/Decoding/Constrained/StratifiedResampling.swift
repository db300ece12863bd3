/// Stratified resampling: offspring i takes the ancestor whose cumulative-weight interval holds
/// (i + U_i) / N, one fresh uniform per stratum. Lower variance than multinomial draws: a
/// particle of weight w̄ gets between ⌊N·w̄⌋ − 1 and ⌈N·w̄⌉ + 1 copies.
enum StratifiedResampling {
    /// - Parameter weights: normalised weights (summing to 1).
    /// - Returns: for each of the `weights.count` offspring, the index of its ancestor.
    static func ancestors(of weights: [Double], random: inout SeededRandom) -> [Int] {
        let count = weights.count
        var ancestors: [Int] = []
        ancestors.reserveCapacity(count)
        var cumulative = weights.first ?? 0
        var ancestor = 0
        for stratum in 0..<count {
            let point = (Double(stratum) + random.nextUniform()) / Double(count)
            // Rounding can leave the total just below 1: the last positive weight takes the rest.
            while point >= cumulative, ancestor < count - 1 {
                ancestor += 1
                cumulative += weights[ancestor]
            }
            var chosen = ancestor
            while weights[chosen] <= 0, chosen > 0 { chosen -= 1 }
            ancestors.append(chosen)
        }
        return ancestors
    }
}
