import Decoding
import Inference

/// A `UniformSource` that, instead of sampling, walks every cell of every draw: it replays a
/// script of chosen cells, takes the first non-empty cell at each new draw and remembers the
/// other non-empty cells as scripts still to explore. `probability` is the exact chance of the
/// cells taken so far; the uniform handed out is the midpoint of the chosen cell.
struct EnumeratingUniforms: UniformSource {
    private(set) var script: [Int]
    private var position = 0
    private(set) var probability = 1.0
    private(set) var unexplored: [[Int]] = []

    init(script: [Int]) {
        self.script = script
    }

    mutating func draw(weights: [Double]) -> (index: Int, uniform: Double) {
        let total = weights.reduce(0) { $0 + max($1, 0) }
        let nonEmpty = weights.indices.filter { weights[$0] > 0 }
        let choice: Int
        if position < script.count {
            choice = script[position]
        } else {
            choice = nonEmpty[0]
            for other in nonEmpty.dropFirst() { unexplored.append(script + [other]) }
            script.append(choice)
        }
        position += 1
        probability *= weights[choice] / total
        let lower = weights[..<choice].reduce(0) { $0 + max($1, 0) } / total
        let uniform = lower + weights[choice] / total / 2
        // The production cell rule must put this uniform in the same cell.
        precondition(UniformCell.index(containing: uniform, weights: weights) == choice)
        return (choice, uniform)
    }
}

/// The exact law of whatever `run` returns, over every way its draws can fall.
func exactLaw<Outcome: Hashable>(_ run: (inout EnumeratingUniforms) -> Outcome) -> [Outcome: Double] {
    var pending: [[Int]] = [[]]
    var law: [Outcome: Double] = [:]
    while let script = pending.popLast() {
        var uniforms = EnumeratingUniforms(script: script)
        let outcome = run(&uniforms)
        law[outcome, default: 0] += uniforms.probability
        pending += uniforms.unexplored
    }
    return law
}

/// The largest absolute difference between a law over tokens and a probability vector.
func maxDeviation(_ law: [TokenID: Double], from p: [Double]) -> Double {
    p.indices.map { abs((law[TokenID($0)] ?? 0) - p[$0]) }.max() ?? 0
}

/// Total variation distance between a law over tokens and a probability vector.
func totalVariation(_ law: [TokenID: Double], from p: [Double]) -> Double {
    p.indices.map { abs((law[TokenID($0)] ?? 0) - p[$0]) }.reduce(0, +) / 2
}

/// A uniform source that always returns the same value: forces a known path through a verifier.
struct ConstantUniform: UniformSource {
    var value: Double

    mutating func draw(weights: [Double]) -> (index: Int, uniform: Double) {
        (UniformCell.index(containing: value, weights: weights), value)
    }
}
