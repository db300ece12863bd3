@testable import Inference

/// A small byte-level BPE vocabulary written as GGUF metadata, to test merging rules and
/// malformed metadata without the real model: the 256 byte tokens, then `extra` tokens, then
/// one control token `<|end|>`.
struct TokenizerTinyVocabulary {
    var extra: [String]
    var merges: [String]
    var metadata: [(key: String, value: GGUFValue)] = []

    init(extra: [String], merges: [String]) {
        self.extra = extra
        self.merges = merges
        let bytes = ByteLevelAlphabet.utf8OfByte.map { String(decoding: $0, as: UTF8.self) }
        let tokens = bytes + extra + ["<|end|>"]
        metadata = [
            ("tokenizer.ggml.model", .string("gpt2")),
            ("tokenizer.ggml.pre", .string("gpt-2")),
            ("tokenizer.ggml.tokens", .array(tokens.map(GGUFValue.string))),
            ("tokenizer.ggml.token_type", .array(tokens.indices.map { .int32($0 == tokens.count - 1 ? 3 : 1) })),
            ("tokenizer.ggml.merges", .array(merges.map(GGUFValue.string))),
            ("tokenizer.ggml.eos_token_id", .uint32(UInt32(tokens.count - 1))),
        ]
    }

    /// Id of an extra token.
    func id(_ text: String) -> TokenID? {
        extra.firstIndex(of: text).map { TokenID(256 + $0) }
    }

    /// Id of the token for a single byte.
    static func id(byte: UInt8) -> TokenID { TokenID(byte) }

    func replacing(_ key: String, with value: GGUFValue?) -> TokenizerTinyVocabulary {
        var copy = self
        copy.metadata.removeAll { $0.key == key }
        if let value { copy.metadata.append((key, value)) }
        return copy
    }

    func file() throws(GGUFError) -> GGUFFile {
        var writer = GGUFTestWriter()
        writer.metadata = metadata
        return try GGUFFile(file: MappedFile(path: "test.gguf", contents: writer.bytes()))
    }

    func tokenizer() throws(GGUFError) -> Tokenizer {
        try Tokenizer(gguf: file())
    }
}
