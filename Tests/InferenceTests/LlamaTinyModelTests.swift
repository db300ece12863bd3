import Foundation
@testable import Inference
import TestSupport
import Testing

/// A two-layer Llama written by the test: hyper-parameters come from the file, errors name the
/// key at fault, and a separate output head is used when the file has one.
@Suite struct LlamaTinyModelTests {
    static let dim = 32, ff = 64, vocab = 40, layers = 2

    static func writer(separateOutput: Bool = false, seed: UInt64 = 5) -> GGUFTestWriter {
        var rng = SplitMix64(seed: seed)
        func f32(_ rows: Int, _ columns: Int, scale: Float = 0.3) -> GGUFTestWriter.Tensor {
            let values = (0..<rows * columns).map { _ in Float.random(in: -scale...scale, using: &rng) }
            return GGUFTestWriter.Tensor(name: "", dimensions: rows == 1 ? [columns] : [columns, rows], type: .f32,
                                         data: values.flatMap { v in (0..<4).map { UInt8(truncatingIfNeeded: v.bitPattern >> (8 * $0)) } })
        }
        func named(_ name: String, _ t: GGUFTestWriter.Tensor) -> GGUFTestWriter.Tensor { var t = t; t.name = name; return t }
        var w = GGUFTestWriter()
        w.metadata = [
            ("general.architecture", .string("llama")),
            ("llama.block_count", .uint32(UInt32(layers))),
            ("llama.context_length", .uint32(64)),
            ("llama.embedding_length", .uint32(UInt32(dim))),
            ("llama.feed_forward_length", .uint32(UInt32(ff))),
            ("llama.attention.head_count", .uint32(2)),
            ("llama.attention.head_count_kv", .uint32(1)),
            ("llama.attention.layer_norm_rms_epsilon", .float32(1e-5)),
            ("llama.rope.freq_base", .float32(10_000)),
        ]
        var tensors = [named("token_embd.weight", f32(vocab, dim, scale: 1)), named("output_norm.weight", f32(1, dim, scale: 1))]
        if separateOutput { tensors.append(named("output.weight", f32(vocab, dim))) }
        for l in 0..<layers {
            let p = "blk.\(l)."
            tensors += [
                named(p + "attn_norm.weight", f32(1, dim, scale: 1)), named(p + "attn_q.weight", f32(dim, dim)),
                named(p + "attn_k.weight", f32(16, dim)), named(p + "attn_v.weight", f32(16, dim)),
                named(p + "attn_output.weight", f32(dim, dim)), named(p + "ffn_norm.weight", f32(1, dim, scale: 1)),
                named(p + "ffn_gate.weight", f32(ff, dim)), named(p + "ffn_up.weight", f32(ff, dim)),
                named(p + "ffn_down.weight", f32(dim, ff)),
            ]
        }
        w.tensors = tensors
        return w
    }

    /// Each call writes its own file: parameterised cases run in parallel and must not share one.
    static func open(_ writer: GGUFTestWriter, name: String) throws -> GGUFFile {
        var writer = writer
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tiny-llama-\(name)-\(UUID().uuidString).gguf").path
        try Data(writer.bytes()).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        return try GGUFFile(path: path)
    }

    @Test func readsItsShapeFromTheFile() throws {
        let model = try LlamaModel(gguf: Self.open(Self.writer(), name: "shape"), vocabulary: LlamaTestVocabulary(count: Self.vocab), threads: 2)
        #expect(model.layerCount == Self.layers)
        #expect(model.contextLength == 64)
        #expect(model.shape.headDimension == 16)
        #expect(model.shape.kvHeadCount == 1)
        let logits = try model.evaluateAndCommit([3, 7, 11], rows: .all)
        #expect(logits.vocabularySize == Self.vocab)
        #expect(logits.values.allSatisfy { $0.isFinite })
        #expect(model.committedCount == 3)
    }

    /// A damaged weight (here a NaN in one layer's up projection) must stop evaluation with an
    /// error naming the position, not hand NaN logits to the samplers.
    @Test func nonFiniteLogitsAreAnError() throws {
        var writer = Self.writer()
        let index = try #require(writer.tensors.firstIndex { $0.name == "blk.1.ffn_up.weight" })
        for byte in 0..<4 { writer.tensors[index].data[byte] = UInt8(truncatingIfNeeded: Float.nan.bitPattern >> (8 * byte)) }
        let model = try LlamaModel(gguf: Self.open(writer, name: "nan"), vocabulary: LlamaTestVocabulary(count: Self.vocab), threads: 1)
        #expect(throws: ModelError.nonFiniteLogits(position: 2)) { try model.evaluateAndCommit([3, 7, 11], rows: .last) }
        #expect(model.committedCount == 0)
    }

    /// Only Q4_1 and Q8_0 matrices have integer kernels; an all-F32 model says its F32 ones
    /// keep f32 activations in q8 mode (the command line warns with this list).
    @Test func namesTheMatrixTypesWithoutAnIntegerKernel() throws {
        let model = try LlamaModel(gguf: Self.open(Self.writer(), name: "types"), vocabulary: LlamaTestVocabulary(count: Self.vocab), threads: 1)
        #expect(model.typesWithoutIntegerKernel == ["F32"])
    }

    @Test func usesASeparateOutputHeadWhenPresent() throws {
        let tied = try LlamaModel(gguf: Self.open(Self.writer(), name: "tied"), vocabulary: LlamaTestVocabulary(count: Self.vocab), threads: 1)
        let separate = try LlamaModel(gguf: Self.open(Self.writer(separateOutput: true), name: "separate"), vocabulary: LlamaTestVocabulary(count: Self.vocab), threads: 1)
        let a = try tied.evaluateAndCommit([5])
        let b = try separate.evaluateAndCommit([5])
        #expect(maxAbsDifference(a.row(0), b.row(0)) > 1e-3)
    }

    @Test(arguments: ["llama.block_count", "llama.embedding_length", "llama.attention.head_count", "llama.attention.layer_norm_rms_epsilon", "llama.context_length"])
    func aMissingKeyIsNamed(key: String) throws {
        var writer = Self.writer()
        writer.metadata.removeAll { $0.key == key }
        let file = try Self.open(writer, name: "missing")
        do {
            _ = try LlamaModel(gguf: file, vocabulary: LlamaTestVocabulary(count: Self.vocab), threads: 1)
            Issue.record("loaded without \(key)")
        } catch {
            #expect("\(error)".contains(key), "error does not name \(key): \(error)")
        }
    }

    /// A float that is there but not finite is named as such, not as the wrong type.
    @Test func aNonFiniteFloatIsNamed() throws {
        var writer = Self.writer()
        let key = "llama.attention.layer_norm_rms_epsilon"
        writer.metadata = writer.metadata.map { $0.key == key ? (key, .float32(.nan)) : $0 }
        let file = try Self.open(writer, name: "nan")
        #expect { try LlamaModel(gguf: file, vocabulary: LlamaTestVocabulary(count: Self.vocab), threads: 1) } throws: {
            "\($0)".contains("\(key) is nan, expected a finite number")
        }
    }

    @Test func anUnsupportedArchitectureOrRopeScalingIsNamed() throws {
        var writer = Self.writer()
        writer.metadata.append(("llama.rope.scaling.type", .string("yarn")))
        let file = try Self.open(writer, name: "yarn")
        #expect { try LlamaModel(gguf: file, vocabulary: LlamaTestVocabulary(count: Self.vocab), threads: 1) } throws: {
            "\($0)".contains("llama.rope.scaling.type")
        }
        var other = Self.writer()
        other.metadata[0] = ("general.architecture", .string("mamba"))
        let mamba = try Self.open(other, name: "mamba")
        #expect { try LlamaModel(gguf: mamba, vocabulary: LlamaTestVocabulary(count: Self.vocab), threads: 1) } throws: {
            "\($0)".contains("general.architecture")
        }
    }
}
