import Foundation
import TestSupport
@testable import Inference

/// Only the size of the vocabulary matters to the forward pass; these tests compare token ids.
struct LlamaTestVocabulary: Vocabulary {
    let count: Int
    func bytes(of token: TokenID) -> [UInt8] { [] }
    func isEndOfGeneration(_ token: TokenID) -> Bool { false }
    func isControl(_ token: TokenID) -> Bool { false }
}

/// One golden prompt of ../shared/golden/smollm2 for one llama.cpp variant.
struct LlamaGoldenPrompt {
    let name: String
    let promptIDs: [TokenID]
    /// llama.cpp's top-10 [id, logit] at every prompt position.
    let top10: [[(id: Int, logit: Float)]]
    let greedyIDs: [TokenID]
    let lastLogits: [Float]

    static func all(variant: String) throws -> [LlamaGoldenPrompt] {
        let index = try JSONSerialization.jsonObject(with: Data(contentsOf: GoldenData.url("smollm2/logits/index.\(variant).json"))) as? [String: Any]
        let prompts = index?["prompts"] as? [[String: Any]] ?? []
        return try prompts.map { entry in
            let name = entry["name"] as? String ?? "?"
            let detail = try JSONSerialization.jsonObject(with: Data(contentsOf: GoldenData.url("smollm2/logits/\(name).\(variant).json"))) as? [String: Any] ?? [:]
            let top10 = (detail["top10_per_position"] as? [[[Double]]] ?? []).map { position in
                position.map { (id: Int($0[0]), logit: Float($0[1])) }
            }
            let raw = try Data(contentsOf: GoldenData.url("smollm2/logits/\(name).\(variant).last_logits.f32"))
            let lastLogits = raw.withUnsafeBytes { bytes in
                (0..<raw.count / 4).map { Float(bitPattern: UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 4 * $0, as: UInt32.self))) }
            }
            return LlamaGoldenPrompt(
                name: name,
                promptIDs: (detail["prompt_ids"] as? [Int] ?? []).map { TokenID($0) },
                top10: top10,
                greedyIDs: (detail["greedy_ids"] as? [Int] ?? []).map { TokenID($0) },
                lastLogits: lastLogits)
        }
    }
}

enum LlamaTestModel {
    static let file: GGUFFile? = try? GGUFFile(path: GoldenData.defaultModelPath())

    /// A fresh model (own KV cache) over the shared memory-mapped default model.
    static func load(threads: Int = 2, contextLength: Int = 1024, activations: ActivationPrecision = .f32) throws -> LlamaModel {
        let gguf = try file ?? GGUFFile(path: GoldenData.defaultModelPath())
        let rows = gguf.tensor(named: "token_embd.weight")?.dimensions.last ?? 0
        return try LlamaModel(gguf: gguf, vocabulary: LlamaTestVocabulary(count: rows), threads: threads, contextLength: contextLength,
                              activations: activations)
    }
}

/// Index of the largest value, the lowest index on ties (llama.cpp's golden convention).
func argmax<C: Collection>(_ values: C) -> Int where C.Element == Float, C.Index == Int {
    var best = values.startIndex
    for i in values.indices where values[i] > values[best] { best = i }
    return best - values.startIndex
}

func maxAbsDifference<A: Collection, B: Collection>(_ a: A, _ b: B) -> Float where A.Element == Float, B.Element == Float {
    zip(a, b).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
