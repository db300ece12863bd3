import Inference

/// Takes turns in the model's one KV cache for several continuations of the committed text: the
/// committed text stays, and before a continuation's next token is evaluated its own positions
/// are written back after it. Only what differs from the continuation already resident is
/// copied (SMC's resampled copies and a beam's hypotheses often share most of their suffix),
/// and only the new position is copied out after evaluation.
struct ContinuationCache {
    /// Suffix tokens whose positions the model cache holds after the committed text.
    private var resident: [TokenID] = []

    /// Logits after `continuation`'s suffix, whose last token is not evaluated yet; extends the
    /// continuation's segment by that token's position.
    mutating func evaluateLast(of continuation: inout some CachedContinuation, context: DecodingContext) throws -> [Float] {
        let model = context.model
        if model.committedCount < context.tokens.count {
            // Tokens committed without evaluation: let the context evaluate them once.
            _ = try context.nextTokenLogits()
            resident = []
        }
        let base = context.tokens.count
        let tokens = continuation.suffixTokens
        let evaluated = tokens.count - 1
        let inCache = min(zip(resident, tokens.prefix(evaluated)).prefix { $0 == $1 }.count, model.committedCount - base)
        if evaluated == 0 {
            // Nothing of its own yet: whatever segment it carries is not read.
            model.truncate(to: base)
        } else if inCache < evaluated || model.committedCount != base + evaluated {
            try model.restore(continuation.segment.suffix(from: base + inCache))
        }
        let position = base + evaluated
        let logits = try context.evaluate(BatchToken.chain([tokens[evaluated]], startingAt: position), options: EvaluationOptions(outputRows: .last))
        try model.commit(path: [0])
        resident = tokens
        let added = model.cacheSegment(from: position)
        if evaluated == 0 { continuation.segment = added } else { try continuation.segment.append(added) }
        return Array(logits.row(0))
    }

    /// `tokens` are being committed after the context's text: keeps the model cache holding
    /// them (writing `holder`'s positions back when the resident continuation does not share
    /// them) and forgets them from the resident suffix.
    mutating func commit(_ tokens: [TokenID], holder: some CachedContinuation, context: DecodingContext) throws {
        let base = context.tokens.count
        if !resident.starts(with: tokens) || context.model.committedCount < base + tokens.count {
            try context.model.restore(holder.segment)
            resident = holder.suffixTokens.prefix(holder.segment.count).map { $0 }
        }
        resident.removeFirst(tokens.count)
    }
}
