import Inference

/// The exact probability of every possible start of a generation: the first `length` tokens, or
/// fewer when an end-of-generation token comes first. It is the product of the target's
/// conditionals (the sampler chain applied to the model's logits), enumerated over every prefix.
public struct SequenceLaw: Sendable {
    public let length: Int
    /// Every outcome with non-zero probability.
    public let probabilities: [[TokenID]: Double]

    /// Enumerates the law on `model` after `prompt`. The number of outcomes grows as the
    /// vocabulary to the power `length`: meant for the ToyModel and other small vocabularies.
    public init(model: any LanguageModel, prompt: [TokenID], chain: SamplerChain, length: Int) throws {
        self.length = length
        var law: [[TokenID]: Double] = [:]
        var pending: [([TokenID], Double)] = [([], 1)]
        while let (prefix, mass) = pending.popLast() {
            model.truncate(to: 0)
            let history = prompt + prefix
            let logits = try model.evaluateAndCommit(history, rows: .last)
            let next = chain.run(logits: logits.row(0), history: history).final
            for (token, p) in zip(next.tokens, next.probabilities) where p > 0 {
                let outcome = prefix + [token]
                if outcome.count == length || model.vocabulary.isEndOfGeneration(token) {
                    law[outcome, default: 0] += mass * p
                } else {
                    pending.append((outcome, mass * p))
                }
            }
        }
        model.truncate(to: 0)
        probabilities = law
    }

    /// The outcome a generation counts as: its first `length` tokens, cut after an end token.
    public static func outcome(of generated: some Collection<TokenID>, length: Int, vocabulary: any Vocabulary) -> [TokenID] {
        var outcome: [TokenID] = []
        for token in generated.prefix(length) {
            outcome.append(token)
            if vocabulary.isEndOfGeneration(token) { break }
        }
        return outcome
    }
}
