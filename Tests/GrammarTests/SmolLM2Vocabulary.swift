import Inference
import TestSupport

/// The default model's vocabulary as byte strings, read straight from the GGUF metadata:
/// `tokenizer.ggml.tokens` are GPT-2 byte-level strings (each byte shown as one printable
/// character), mapped back to bytes with the inverse of GPT-2's bytes_to_unicode table.
struct SmolLM2Vocabulary {
    let tokens: [[UInt8]]
    let special: Set<Int>
    let endTokens: [Int]

    static func load() throws -> SmolLM2Vocabulary {
        let file = try GGUFFile(path: try GoldenData.defaultModelPath())
        let texts = (file["tokenizer.ggml.tokens"]?.array ?? []).map { $0.string ?? "" }
        let types = (file["tokenizer.ggml.token_type"]?.array ?? []).map { $0.integer ?? 1 }
        let end = try file.requiredInt("tokenizer.ggml.eos_token_id")
        let decode = byteForCharacter()
        let tokens = texts.map { text in text.unicodeScalars.compactMap { decode[$0.value] } }
        // Type 3 is CONTROL in llama.cpp's token types.
        let special = Set(types.indices.filter { types[$0] == 3 })
        return SmolLM2Vocabulary(tokens: tokens, special: special, endTokens: [end])
    }

    /// GPT-2's table: printable Latin-1 bytes stand for themselves, the other bytes are
    /// numbered from U+0100 in byte order.
    static func byteForCharacter() -> [UInt32: UInt8] {
        var table: [UInt32: UInt8] = [:]
        var next: UInt32 = 256
        for byte in 0...255 {
            let printable = (33...126).contains(byte) || (161...172).contains(byte) || (174...255).contains(byte)
            if printable {
                table[UInt32(byte)] = UInt8(byte)
            } else {
                table[next] = UInt8(byte)
                next += 1
            }
        }
        return table
    }
}
