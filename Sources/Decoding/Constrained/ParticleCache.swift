import Inference

/// Takes turns in the model's one KV cache for the particles: the committed text stays, and
/// before a particle's next token is evaluated its own positions are written back after it.
/// Only what differs from the particle already resident is copied (resampled copies often
/// share most of their suffix), and only the new position is copied out after evaluation.
struct ParticleCache {
    /// Suffix tokens whose positions the model cache holds after the committed text.
    private var resident: [TokenID] = []

    /// Logits after `particle`'s suffix, whose last token is not evaluated yet; extends the
    /// particle's segment by that token's position.
    mutating func evaluateLast(of particle: inout Particle, context: DecodingContext) throws -> [Float] {
        let model = context.model
        if model.committedCount < context.tokens.count {
            // Tokens committed without evaluation: let the context evaluate them once.
            _ = try context.nextTokenLogits()
            resident = []
        }
        let base = context.tokens.count
        let tokens = particle.suffixTokens
        let evaluated = tokens.count - 1
        let inCache = min(zip(resident, tokens.prefix(evaluated)).prefix { $0 == $1 }.count, model.committedCount - base)
        if inCache < evaluated || model.committedCount != base + evaluated {
            try model.restore(particle.segment.suffix(from: base + inCache))
        }
        let position = base + evaluated
        let logits = try context.evaluate(BatchToken.chain([tokens[evaluated]], startingAt: position), options: EvaluationOptions(outputRows: .last))
        try model.commit(path: [0])
        resident = tokens
        try particle.segment.append(model.cacheSegment(from: position))
        return Array(logits.row(0))
    }

    /// `tokens` are being committed after the context's text: keeps the model cache holding
    /// them (writing `holder`'s positions back when the resident particle does not share
    /// them) and forgets them from the resident suffix.
    mutating func commit(_ tokens: [TokenID], holder: Particle, context: DecodingContext) throws {
        let base = context.tokens.count
        if !resident.starts(with: tokens) || context.model.committedCount < base + tokens.count {
            try context.model.restore(holder.segment)
            resident = holder.suffixTokens.prefix(holder.segment.count).map { $0 }
        }
        resident.removeFirst(tokens.count)
    }
}
