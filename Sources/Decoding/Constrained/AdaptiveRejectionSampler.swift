import Foundation

/// Adaptive weighted rejection sampling (Lipkin et al., COLM 2025) for one step: walk the
/// vocabulary in an order distributed as sampling without replacement from p (each draw from p
/// renormalised over the tokens not yet rejected, the law of a Gumbel-top-k order; a
/// `RemovalTree` makes each draw O(log |V|), which matters when Z is tiny), check each
/// token against the constraint and return the first allowed one. That token has exactly the
/// masking distribution p·c / Z, usually after a few checks instead of a full mask; the
/// estimator's weight w has E[w] = Z. When every token with mass is rejected the walk returns
/// no token and weight 0.
struct AdaptiveRejectionSampler {
    struct Outcome {
        var token: Int?
        var weight: Double
        /// Every constraint check, in order; a token drawn again is not checked again.
        var tested: [(token: Int, allowed: Bool)]
    }

    let estimator: AWRSEstimator

    /// - Parameters:
    ///   - probabilities: p over the vocabulary, summing to 1.
    ///   - isAllowed: the constraint check of one token.
    func sample(_ probabilities: [Double], isAllowed: (Int) -> Bool, random: inout some UniformSource) -> Outcome {
        var walk = Walk(weights: probabilities)
        let token: Int?
        let weight: Double
        switch estimator {
        case .twoRound:
            (token, weight) = twoRound(&walk, isAllowed: isAllowed, random: &random)
        case .recursive:
            (token, weight) = recursive(&walk, isAllowed: isAllowed, random: &random)
        case .geometric:
            (token, weight) = geometric(&walk, probabilities: probabilities, isAllowed: isAllowed, random: &random)
        }
        return Outcome(token: token, weight: token == nil ? 0 : weight, tested: walk.tested)
    }

    /// Rejects until the first allowed token; nil when the whole support is rejected.
    private func firstAllowed(_ walk: inout Walk, isAllowed: (Int) -> Bool, random: inout some UniformSource) -> (token: Int?, rejected: Int) {
        var rejected = 0
        while let token = walk.draw(&random) {
            if walk.check(token, isAllowed) { return (token, rejected) }
            walk.remove(token)
            rejected += 1
        }
        return (nil, rejected)
    }

    private func twoRound(_ walk: inout Walk, isAllowed: (Int) -> Bool, random: inout some UniformSource) -> (Int?, Double) {
        let round1 = firstAllowed(&walk, isAllowed: isAllowed, random: &random)
        guard let token = round1.token else { return (nil, 0) }
        let keptMass = walk.remainingMass
        // The second round starts from the same reduced distribution; it always ends, at the
        // latest on `token` itself.
        let round2 = firstAllowed(&walk, isAllowed: isAllowed, random: &random)
        return (token, keptMass / Double(round1.rejected + round2.rejected + 1))
    }

    private func recursive(_ walk: inout Walk, isAllowed: (Int) -> Bool, random: inout some UniformSource) -> (Int?, Double) {
        guard let token = firstAllowed(&walk, isAllowed: isAllowed, random: &random).token else { return (nil, 0) }
        let keptMass = walk.remainingMass
        let p = walk.weight(of: token)
        walk.remove(token)
        guard let next = walk.draw(&random) else { return (token, keptMass) }
        return (token, walk.check(next, isAllowed) ? keptMass : p)
    }

    private func geometric(_ walk: inout Walk, probabilities: [Double], isAllowed: (Int) -> Bool, random: inout some UniformSource) -> (Int?, Double) {
        var first: Int?
        var accepted = 0
        var rejected = 0
        var rejectedMass = 0.0
        while accepted < 2 {
            rejected += Self.phantomDraws(rejectedMass: rejectedMass, random: &random)
            guard let token = walk.draw(&random) else { return (nil, 0) }
            if walk.check(token, isAllowed) {
                accepted += 1
                first = first ?? token
            } else {
                walk.remove(token)
                rejected += 1
                rejectedMass += probabilities[token]
            }
        }
        return (first, 1 / Double(rejected + 1))
    }

    /// With replacement, a draw lands on an already rejected token with probability r: the
    /// number of such draws before the next fresh one is Geometric(1 − r) − 1.
    static func phantomDraws(rejectedMass r: Double, random: inout some UniformSource) -> Int {
        guard r > 0 else { return 0 }
        let u = 1 - random.draw(weights: [1]).uniform
        guard r < 1 else { return Int(Int32.max) }
        return Int(min(floor(log(u) / log(r)), Double(Int32.max)))
    }

    /// What the walk has left (p with rejected tokens removed) and the checks made.
    private struct Walk {
        private var remaining: RemovalTree
        private(set) var tested: [(token: Int, allowed: Bool)] = []
        private var verdicts: [Int: Bool] = [:]

        init(weights: [Double]) {
            remaining = RemovalTree(weights: weights)
        }

        var remainingMass: Double { remaining.total }

        func weight(of token: Int) -> Double { remaining.weight(of: token) }

        func draw(_ random: inout some UniformSource) -> Int? {
            remaining.draw(&random)
        }

        mutating func check(_ token: Int, _ isAllowed: (Int) -> Bool) -> Bool {
            if let known = verdicts[token] { return known }
            let allowed = isAllowed(token)
            verdicts[token] = allowed
            tested.append((token, allowed))
            return allowed
        }

        mutating func remove(_ token: Int) {
            remaining.remove(token)
        }
    }
}
