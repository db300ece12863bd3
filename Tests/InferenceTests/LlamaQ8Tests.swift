import Foundation
import Testing
import TestSupport
@testable import Inference

/// The 8-bit activation mode on the default model, against llama.cpp (../shared/golden/smollm2)
/// and against single steps.
///
/// llama.cpp's `q4_1` variant quantizes activations by the same rule but also keeps an f16 KV
/// cache (and rounds attention inputs to f16), and its own settings move its logits by up to
/// 1.0 (ubatch size, flash attention). In a quantized pass tiny input differences flip the
/// rounding of some activations, so this mode does not land closer to `q4_1` than the f32 path
/// does; emulating the f16 cache (an experiment, not kept) brought max |Δ| to 0.35-0.73, so part
/// of the gap is unexplained (the golden machine may have used llama.cpp's AMX kernels).
/// How far a given prompt lands is close to chance: regrouping the exact integer sums across
/// the accumulator's lanes (same values, other float rounding) moved short_english from 0.68 to
/// 1.02 from `q4_1`. Measured on the four shipped prompts with the current kernel: last-position
/// max |Δ| 0.40-1.02 from `q4_1` and 0.55-0.88 from `f32ref` (llama.cpp's `q4_1` is 0.50-0.64
/// from `f32ref`); argmax agreement at the prompt positions 95-100% with `q4_1`; greedy agrees
/// for 1, 20, 26 and 48 of 48 tokens. The bounds are the spread llama.cpp's own settings
/// produce (up to 1.0) with a quarter of margin.
@Suite(.serialized) struct LlamaQ8Tests {
    static let boundAgainstLlamaCpp: Float = 1.25
    static let boundAgainstReference: Float = 1.0
    static let argmaxAgreement = 0.9

    @Test(arguments: try LlamaGoldenPrompt.all(variant: "q4_1").map(\.name))
    func promptStaysWithinLlamaCppQ8Spread(name: String) throws {
        let golden = try #require(try LlamaGoldenPrompt.all(variant: "q4_1").first { $0.name == name })
        let reference = try #require(try LlamaGoldenPrompt.all(variant: "f32ref").first { $0.name == name })
        let model = try LlamaTestModel.load(activations: .q8)
        let logits = try model.evaluateAndCommit(golden.promptIDs, rows: .all)
        let agreeing = golden.promptIDs.indices.filter { argmax(logits.row($0)) == golden.top10[$0][0].id }.count
        let last = logits.row(golden.promptIDs.count - 1)
        let fromLlamaCpp = maxAbsDifference(last, golden.lastLogits)
        let fromReference = maxAbsDifference(last, reference.lastLogits)

        var greedy: [TokenID] = [TokenID(argmax(last))]
        while greedy.count < golden.greedyIDs.count {
            let next = try model.evaluateAndCommit([greedy[greedy.count - 1]])
            greedy.append(TokenID(argmax(next.row(0))))
        }
        let greedyAgreement = zip(greedy, golden.greedyIDs).prefix { $0 == $1 }.count
        print("q8, \(name): argmax agrees with llama.cpp q4_1 at \(agreeing)/\(golden.promptIDs.count) prompt positions; last-position max |Δ| \(fromLlamaCpp) from q4_1, \(fromReference) from f32ref; greedy agrees for \(greedyAgreement)/\(golden.greedyIDs.count) tokens")
        #expect(Double(agreeing) >= Self.argmaxAgreement * Double(golden.promptIDs.count), "\(name): argmax agrees at \(agreeing) of \(golden.promptIDs.count) positions")
        #expect(fromLlamaCpp <= Self.boundAgainstLlamaCpp, "\(name): last-position max |Δ| from llama.cpp q4_1 = \(fromLlamaCpp)")
        #expect(fromReference <= Self.boundAgainstReference, "\(name): last-position max |Δ| from f32ref = \(fromReference)")
        #expect(greedy[0] == golden.greedyIDs[0], "\(name): the first greedy token differs")
    }

    /// The default model's matrices are all Q4_1 or Q8_0: q8 mode reaches every one of them.
    @Test func everyMatrixOfTheDefaultModelHasAnIntegerKernel() throws {
        #expect(try LlamaTestModel.load(threads: 1, activations: .q8).typesWithoutIntegerKernel.isEmpty)
    }

    @Test func batchedChainIsBitIdenticalToOneTokenAtATime() throws {
        let tokens = LlamaBatchTests.prompt + LlamaBatchTests.continuation
        let single = try LlamaTestModel.load(threads: 1, activations: .q8)
        var stepRows: [[Float]] = []
        for token in tokens { stepRows.append(Array(try single.evaluateAndCommit([token]).row(0))) }

        let batched = try LlamaTestModel.load(threads: 2, activations: .q8)
        let all = try batched.evaluateAndCommit(tokens, rows: .all)
        for (i, row) in stepRows.enumerated() {
            #expect(Array(all.row(i)) == row, "row \(i) differs between batched and single-step evaluation")
        }
    }
}
