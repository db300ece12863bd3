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

    /// A draw through the user's sampler chain from the masked row.
    func draw(chain: SamplerChain, history: [TokenID], random: inout SeededRandom) -> ChainDraw {
        ChainDraw(chain: chain, logits: logits, history: history, random: &random)
    }

    /// Grammar-forced when the mask left only the drawn token, otherwise as the draw was made.
    func source(of draw: ChainDraw) -> TokenSource { forced != nil ? .grammarForced : draw.source }

    /// The step as the inspector shows it: the unmasked softmax, the mask, then the chain's stages.
    func trace(of draw: ChainDraw, raw: Distribution, tested: [MaskTrace.TestedToken], viewSize: Int,
               cumulativeLogWeight: Double? = nil) -> MaskTrace {
        MaskTrace(
            allowedCount: allowedCount, vocabularySize: logits.count, tested: tested, maskedMass: maskedMass,
            distribution: draw.trace(before: raw, maskLabel: "grammar mask (\(allowedCount) allowed)", viewSize: viewSize),
            stepLogWeight: logAllowedMass, cumulativeLogWeight: cumulativeLogWeight)
    }

    var maskedMass: Double { max(0, 1 - allowedMass) }
}
