import Inference

/// The text being decoded and the model it is decoded with. It keeps the model's committed KV
/// cache in step with `tokens` lazily: appended tokens are evaluated only when the next
/// distribution is asked for, so a run that ends on EOS never pays for evaluating it.
public final class DecodingContext {
    public let model: any LanguageModel
    /// Prompt followed by every committed generated token.
    public private(set) var tokens: [TokenID]
    public let promptCount: Int
    /// The most generated tokens this run may produce (before the context-length limit).
    public let maxNewTokens: Int
    public var random: SeededRandom
    /// Forward passes of the target model so far.
    public private(set) var targetEvaluations = 0
    /// Forward passes made for drafting (early exit, layer skip) so far.
    public private(set) var draftEvaluations = 0
    /// Logits for the position after `tokens`, when known.
    private var cachedLogits: [Float]?

    public init(model: any LanguageModel, prompt: [TokenID], maxNewTokens: Int, seed: UInt64) {
        self.model = model
        self.tokens = prompt
        self.promptCount = prompt.count
        self.maxNewTokens = maxNewTokens
        self.random = SeededRandom(seed: seed)
        model.truncate(to: 0)
    }

    public var generatedCount: Int { tokens.count - promptCount }
    public var generatedTokens: ArraySlice<TokenID> { tokens[promptCount...] }

    /// How many more tokens may be committed: the smaller of the length and context budgets.
    public var tokenBudget: Int {
        max(0, min(maxNewTokens - generatedCount, model.contextLength - tokens.count))
    }

    public var vocabulary: any Vocabulary { model.vocabulary }

    /// Logits for the next token after `tokens`, evaluating whatever the cache is missing.
    public func nextTokenLogits() throws -> [Float] {
        if let cachedLogits { return cachedLogits }
        guard !tokens.isEmpty else { throw ModelError.invalidBatch("nothing to condition on: the prompt is empty") }
        // The cache may hold positions this context no longer has (a rollback), and the last
        // token must be evaluated to get its logits even if it is already cached.
        let keep = min(model.committedCount, tokens.count - 1)
        model.truncate(to: keep)
        let logits = try model.evaluateAndCommit(Array(tokens[keep...]), rows: .last)
        targetEvaluations += 1
        let row = Array(logits.row(0))
        cachedLogits = row
        return row
    }

    /// The logits after `tokens` when they are already known (the prompt pass's, before the
    /// first step), without evaluating anything.
    public var knownNextTokenLogits: [Float]? { cachedLogits }

    /// Appends committed tokens. `nextLogits`, when the caller already has the logits after the
    /// last of them (a verified draft), saves an evaluation; the model cache must then hold them.
    public func append(_ newTokens: [TokenID], nextLogits: [Float]? = nil) {
        guard !newTokens.isEmpty else { return }
        tokens += newTokens
        cachedLogits = nextLogits
    }

    /// Evaluates a batch (chain or tree) after the committed cache, counting the pass. The
    /// cache must first be in step with `tokens` (call `nextTokenLogits()` before).
    public func evaluate(_ batch: [BatchToken], options: EvaluationOptions, isDraft: Bool = false) throws -> Logits {
        let logits = try model.evaluate(batch, options: options)
        if isDraft { draftEvaluations += 1 } else { targetEvaluations += 1 }
        return logits
    }
}
