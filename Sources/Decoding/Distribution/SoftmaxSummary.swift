import Foundation
import Inference

/// The raw softmax of one logit row reduced to what a step's lens needs, its entropy and the
/// probability of the tokens shown, bit for bit what `Distribution(logits:)` gives, without
/// writing a vocabulary of probabilities: for steps that chose their tokens from the logits alone.
struct SoftmaxSummary {
    /// `-Σ p ln p` in nats.
    let entropy: Double
    private let row: ArraySlice<Float>
    private let maxLogit: Float
    private let inverseSum: Double

    init(logits row: ArraySlice<Float>) {
        self.row = row
        let (maxLogit, sums) = row.withUnsafeBufferPointer { row in
            let maxLogit = RowScan.maximum(row)
            return (maxLogit, Softmax.scan(row, maxLogit: maxLogit, storingInto: nil))
        }
        self.maxLogit = maxLogit
        let sum = sums.exponentials.sum()
        inverseSum = 1 / sum
        entropy = max(0, log(sum) - sums.firstMoment.sum() * inverseSum)
    }

    func probability(of token: TokenID) -> Double {
        let index = Int(token)
        guard index >= 0, index < row.count else { return 0 }
        // Exponentiated with its own chunk of eight, which decides the Float or Double path.
        let start = index - index % 8
        var sums = Softmax.Sums()
        let e = row.withUnsafeBufferPointer { sums.add(Softmax.shiftedChunk($0, at: start, maxLogit: maxLogit)) }
        return e[index - start] * inverseSum
    }
}
