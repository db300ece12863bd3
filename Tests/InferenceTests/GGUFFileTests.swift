import Foundation
import Testing
import TestSupport
@testable import Inference

/// Well-formed files: everything written comes back, in every GGUF version, from memory and from disk.
@Suite struct GGUFFileTests {
    static func open(_ bytes: [UInt8]) throws(GGUFError) -> GGUFFile {
        try GGUFFile(file: MappedFile(path: "test.gguf", contents: bytes))
    }

    @Test(arguments: [UInt32(1), 2, 3]) func readsBackEveryMetadataTypeAndTensor(version: UInt32) throws {
        var writer = GGUFTestWriter.sample(version: version)
        let bytes = writer.bytes()
        let file = try Self.open(bytes)
        #expect(file.version == Int(version))
        #expect(file.metadata.map(\.key) == writer.metadata.map(\.key))
        #expect(file.metadata.map(\.value) == writer.metadata.map(\.value))
        #expect(file["test.nested"] == .array([.array([.int32(1), .int32(2)]), .array([.int32(3)])]))
        #expect(file.architecture == "llama")
        #expect(file.alignment == 32)
        #expect(file.dataOffset % 32 == 0)
        #expect(file.tensors.map(\.name) == writer.tensors.map(\.name))
        for expected in writer.tensors {
            let tensor = try #require(file.tensor(named: expected.name))
            #expect(tensor.dimensions == expected.dimensions)
            #expect(tensor.type == expected.type)
            #expect(tensor.byteCount == expected.data.count)
            #expect(tensor.fileOffset == writer.positions["data \(expected.name)"])
            #expect(Array(file.data(of: tensor)) == expected.data)
        }
    }

    @Test(arguments: [1, 64, 4096]) func honoursGeneralAlignment(alignment: Int) throws {
        var writer = GGUFTestWriter.sample()
        writer.alignment = alignment
        writer.metadata.append(("general.alignment", .uint32(UInt32(alignment))))
        let bytes = writer.bytes()
        let file = try Self.open(bytes)
        #expect(file.alignment == alignment)
        for tensor in file.tensors {
            #expect((tensor.fileOffset - file.dataOffset) % alignment == 0)
            #expect(tensor.fileOffset == writer.positions["data \(tensor.name)"])
        }
    }

    @Test func opensAFileWithoutTensorsOrMetadata() throws {
        var writer = GGUFTestWriter()
        let file = try Self.open(writer.bytes())
        #expect(file.metadata.isEmpty)
        #expect(file.tensors.isEmpty)
    }

    @Test func typedLookupsNameTheKey() throws {
        var writer = GGUFTestWriter.sample()
        let file = try Self.open(writer.bytes())
        #expect(try file.requiredInt("llama.block_count") == 2)
        #expect(try file.requiredFloat("llama.rope.freq_base") == 10000)
        #expect(try file.requiredStrings("tokenizer.ggml.tokens") == ["a", "b", "<|im_end|>"])
        #expect(throws: GGUFError(path: "test.gguf", offset: nil, problem: "missing metadata key llama.embedding_length")) {
            try file.requiredInt("llama.embedding_length")
        }
        #expect(throws: GGUFError(path: "test.gguf", offset: nil, problem: "metadata key general.name is str, expected an integer")) {
            try file.requiredInt("general.name")
        }
        #expect(throws: GGUFError(path: "test.gguf", offset: nil, problem: "metadata key test.nested[0] is arr[i32,2], expected a string")) {
            try file.requiredStrings("test.nested")
        }
    }

    @Test func mapsAFileFromDisk() throws {
        var writer = GGUFTestWriter.sample(version: 2)
        let bytes = writer.bytes()
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("gguf-ok-\(getpid()).gguf").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let file = try GGUFFile(path: path)
        #expect(file.fileSize == bytes.count)
        let norm = try #require(file.tensor(named: "blk.0.attn_norm.weight"))
        #expect(Array(file.data(of: norm)) == (1...20).map(UInt8.init))
    }

    /// The default model as DESIGN.md describes it.
    @Test func opensTheDefaultModel() throws {
        let file = try GGUFFile(path: try GoldenData.defaultModelPath())
        #expect(file.fileSize == DefaultModel.byteCount)
        #expect(file.version == 3)
        #expect(file.architecture == "llama")
        #expect(try file.requiredInt("llama.block_count") == 30)
        #expect(try file.requiredInt("llama.embedding_length") == 576)
        #expect(try file.requiredInt("llama.attention.head_count") == 9)
        #expect(try file.requiredInt("llama.attention.head_count_kv") == 3)
        #expect(try file.requiredInt("llama.feed_forward_length") == 1536)
        #expect(try file.requiredFloat("llama.rope.freq_base") == 100000)
        #expect(try file.requiredString("tokenizer.ggml.model") == "gpt2")
        #expect(try file.requiredString("tokenizer.ggml.pre") == "smollm")
        #expect(try file.requiredStrings("tokenizer.ggml.tokens").count == 49152)
        #expect(try file.requiredStrings("tokenizer.ggml.merges").count == 48900)
        #expect(file["tokenizer.chat_template"]?.string?.contains("<|im_start|>") == true)
        let embedding = try #require(file.tensor(named: "token_embd.weight"))
        #expect(embedding.type == .q8_0)
        #expect(embedding.dimensions == [576, 49152])
        #expect(file.tensor(named: "output.weight") == nil)
        #expect(file.tensors.count == 2 + 30 * 9)
        #expect(file.tensor(named: "blk.29.ffn_down.weight")?.type == .q4_1)
        #expect(file.tensor(named: "blk.0.attn_norm.weight")?.type == .f32)
        let last = try #require(file.tensors.max { $0.fileOffset < $1.fileOffset })
        #expect(last.fileOffset + last.byteCount == file.fileSize)
    }
}
