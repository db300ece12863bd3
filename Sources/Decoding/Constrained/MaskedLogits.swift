import Foundation
import Grammar
import Inference

/// A logit row with the tokens the constraint forbids set to −∞, and how much of the raw
/// distribution's mass the constraint kept.
struct MaskedLogits {
    let logits: [Float]
    let allowedCount: Int
    /// Σ of the raw softmax over allowed tokens: Z, the locally constrained step's weight.
    let allowedMass: Double
    /// The only allowed token, when there is exactly one (the grammar forced it).
    let forced: TokenID?

    /// Throws when nothing is allowed.
    init(logits: [Float], raw: Distribution, mask: TokenMask, generated: Int) throws(ConstraintError) {
        var masked = [Float](repeating: -.infinity, count: logits.count)
        var count = 0
        var mass = 0.0
        var last: TokenID?
        for (wordIndex, word) in mask.words.enumerated() where word != 0 {
            var bits = word
            while bits != 0 {
                let token = wordIndex << 6 + bits.trailingZeroBitCount
                bits &= bits - 1
                guard token < logits.count else { continue }
                masked[token] = logits[token]
                mass += raw.probability(of: TokenID(token))
                count += 1
                last = TokenID(token)
            }
        }
        guard count > 0 else { throw .deadEnd(generated: generated) }
        self.logits = masked
        allowedCount = count
        allowedMass = mass
        forced = count == 1 ? last : nil
    }

    var logAllowedMass: Double { log(allowedMass) }

    var maskedMass: Double { max(0, 1 - allowedMass) }
}
