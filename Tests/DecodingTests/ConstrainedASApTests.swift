import Foundation
import Testing
import TestSupport
@testable import Decoding
import Inference

/// ASAp: the worked example's trie numbers, and on the ToyModel the trie's root estimate
/// reaching the exact probability of the language once its sentences have been sampled.
struct ConstrainedASApTests {
    struct Fixture: Decodable {
        struct Toy: Decodable {
            var lm: [String: [String: Double]]
            var after_sampling_aa: [String: Double]
            var asap_iter2_root_q: [String: Double]
        }
        var asap_toy: Toy
    }

    @Test func theWorkedExampleIsExactAfterOneSample() throws {
        let url = GoldenData.repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/reference/worked_examples.json")
        let toy = try JSONDecoder().decode(Fixture.self, from: Data(contentsOf: url)).asap_toy
        let root = try #require(toy.lm["root"]), afterA = try #require(toy.lm["a"]), afterAA = try #require(toy.lm["aa"])
        let a: TokenID = 1
        var trie = AlignmentTrie()
        // Iteration 1 samples a, a, EOS. Language {aa, b}: at the root both are allowed, after
        // a only a, after aa only the end.
        trie.visit(AlignmentTrie.root, allowedMass: (root["a"] ?? 0) + (root["b"] ?? 0))
        let nodeA = trie.child(a, of: AlignmentTrie.root, probability: root["a"] ?? 0)
        trie.visit(nodeA, allowedMass: afterA["a"] ?? 0)
        let nodeAA = trie.child(a, of: nodeA, probability: afterA["a"] ?? 0)
        trie.visit(nodeAA, allowedMass: afterAA["EOS"] ?? 0)
        trie.recordCompletedSample()
        #expect(abs(trie.nodes[nodeA].estimate - (toy.after_sampling_aa["EFG_a"] ?? -1)) < 1e-12)
        #expect(abs(trie.nodes[AlignmentTrie.root].estimate - (toy.after_sampling_aa["EFG_root"] ?? -1)) < 1e-12)
        // Iteration 2: q(t) ∝ P(t) · ẼFG(t) at the root.
        let weightA = (root["a"] ?? 0) * trie.estimate(ofChild: a, of: AlignmentTrie.root)
        let weightB = (root["b"] ?? 0) * trie.estimate(ofChild: 2, of: AlignmentTrie.root)
        #expect(abs(weightA / (weightA + weightB) - (toy.asap_iter2_root_q["a"] ?? -1)) < 1e-12)
        #expect(abs(weightB / (weightA + weightB) - (toy.asap_iter2_root_q["b"] ?? -1)) < 1e-12)
        #expect(trie.completedSamples == 1)
    }

    /// Repeated samples (as the TUI's `R` makes them) refine one persistent trie; once every
    /// sentence has been visited the root estimate is P(L) exactly.
    @Test func repeatedSamplesReachTheExactRootEstimate() throws {
        let model = ToyModel()
        let prompt: [TokenID] = [3, 6, 9]   // " cat sat on": a prompt no other test uses
        let exact = try ConstrainedToy.sentences(model, prompt: prompt).reduce(0) { $0 + $1.probability }
        var estimates: [Double] = []
        var iterations: [Int] = []
        for seed in UInt64(1)...120 {
            var strategy = try StrategyCatalog.make("asap", parameters: ConstrainedToy.parameters(temperature: 1))
            let run = try decode(&strategy, model: model, prompt: prompt, maxNewTokens: 10, seed: seed)
            guard case .mask(let first)? = run.steps.first?.payload, let alignment = first.alignment else {
                Issue.record("no alignment trace"); return
            }
            estimates.append(alignment.prefixEstimate)
            iterations.append(alignment.iteration)
            let q = alignment.choices.reduce(0) { $0 + $1.adjustedProbability }
            #expect(abs(q - 1) < 1e-6, "the root has two allowed choices, both shown")
        }
        #expect(iterations == Array(0..<120), "each run continues the same trie")
        let p = ConstrainedToy.probabilities(model, after: prompt)
        #expect(abs(estimates[0] - (p[1] + p[2])) < 1e-6, "the first visit knows only the allowed mass at the root (\" the\", \" a\")")
        #expect(estimates == estimates.sorted(by: >), "estimates only decrease")
        let final = try #require(estimates.last)
        #expect(abs(final - exact) < 1e-9, "root ẼFG \(final), exact P(L) \(exact)")
    }
}
