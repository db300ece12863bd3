import Foundation
import Testing
import TestSupport
@testable import Inference

/// The forward pass against llama.cpp's f32 reference (F32 weights dequantized from the same
/// Q4_1 file, f32 KV cache): see ../shared/golden/smollm2/README.md.
@Suite(.serialized) struct LlamaGoldenTests {
    @Test(arguments: try LlamaGoldenPrompt.all(variant: "f32ref").map(\.name))
    func promptMatchesReference(name: String) throws {
        let golden = try #require(try LlamaGoldenPrompt.all(variant: "f32ref").first { $0.name == name })
        let model = try LlamaTestModel.load()
        let logits = try model.evaluateAndCommit(golden.promptIDs, rows: .all)
        for position in golden.promptIDs.indices {
            let ours = argmax(logits.row(position))
            #expect(ours == golden.top10[position][0].id, "\(name): argmax at position \(position)")
        }
        let last = logits.row(golden.promptIDs.count - 1)
        let difference = maxAbsDifference(last, golden.lastLogits)
        #expect(difference <= 1e-2, "\(name): last-position max |Δ| = \(difference)")

        var greedy: [TokenID] = [TokenID(argmax(last))]
        while greedy.count < golden.greedyIDs.count {
            let next = try model.evaluateAndCommit([greedy[greedy.count - 1]])
            greedy.append(TokenID(argmax(next.row(0))))
        }
        #expect(greedy == golden.greedyIDs, "\(name): greedy continuation")
    }
}
