import Foundation
import Testing
import Decoding
import Inference

struct BeamSearchTests {
    /// The best complete continuation (ends with the end token or has `length` tokens) by
    /// `logP / length^α`, found by enumerating every sequence with the model's exact logits.
    func exhaustiveBest(model: ToyModel, prompt: [TokenID], length: Int, lengthPenalty: Double) -> (tokens: [TokenID], score: Double) {
        var best: (tokens: [TokenID], score: Double) = ([], -.infinity)
        func visit(_ sequence: [TokenID], logP: Double) {
            let generated = sequence.count - prompt.count
            if generated > 0, generated == length || sequence.last == ToyVocabulary.endToken {
                let score = logP / pow(Double(generated), lengthPenalty)
                if score > best.score { best = (Array(sequence[prompt.count...]), score) }
                return
            }
            let distribution = Distribution(logits: model.logits(after: sequence))
            for (token, p) in zip(distribution.tokens, distribution.probabilities) where p > 0 {
                visit(sequence + [token], logP: logP + log(p))
            }
        }
        visit(prompt, logP: 0)
        return best
    }

    func logProbability(of tokens: [TokenID], after prompt: [TokenID], model: ToyModel) -> Double {
        var context = prompt
        var total = 0.0
        for token in tokens {
            total += log(Distribution(logits: model.logits(after: context)).probability(of: token))
            context.append(token)
        }
        return total
    }

    @Test(arguments: [(0.0, [TokenID(1)]), (1.0, [TokenID(14)]), (0.6, [TokenID(3), 6])])
    func wideBeamFindsTheExhaustiveOptimum(lengthPenalty: Double, prompt: [TokenID]) throws {
        let model = ToyModel(seed: 7)
        let length = 3
        let expected = exhaustiveBest(model: model, prompt: prompt, length: length, lengthPenalty: lengthPenalty)
        var beam = BeamSearchStrategy(width: 16 * 16 * 16, lengthPenalty: lengthPenalty)
        // Room for the widest trie (16 + 256 rows), so the search is never cut short.
        let tokens = try decode(&beam, model: ToyModel(seed: 7, contextLength: 512), prompt: prompt, maxNewTokens: length).tokens
        #expect(tokens == expected.tokens)
    }

    @Test func widthOneIsGreedy() throws {
        var beam = BeamSearchStrategy(width: 1, lengthPenalty: 1)
        var greedy = GreedyStrategy()
        let beamTokens = try decode(&beam, model: ToyModel(seed: 4), prompt: [2], maxNewTokens: 10).tokens
        #expect(beamTokens == (try decode(&greedy, model: ToyModel(seed: 4), prompt: [2], maxNewTokens: 10).tokens))
    }

    /// Beams live in tree batches over the committed common prefix; the reported scores must
    /// match the exact model, and the tokens committed along the way must form the result.
    @Test func narrowBeamScoresAreExactAndCommitsFormTheResult() throws {
        let model = ToyModel(seed: 7)
        var beam = BeamSearchStrategy(width: 3, lengthPenalty: 0)
        let (tokens, steps) = try decode(&beam, model: model, prompt: [1], maxNewTokens: 8)
        #expect(steps.flatMap { $0.tokens.map(\.token) } == tokens)
        #expect(steps.flatMap(\.tokens).allSatisfy { $0.source == .beam })
        for (index, step) in steps.enumerated().dropLast() {
            guard case .beams(let trace) = step.payload else {
                Issue.record("expected beams")
                return
            }
            let committed = steps[...index].flatMap { $0.tokens.map(\.token) }
            for b in trace.beams {
                let exact = logProbability(of: committed + b.tokens, after: [1], model: model)
                #expect(abs(b.logProbability - exact) < 1e-9)
            }
            #expect(trace.beams.count <= 3)
        }
    }
}
