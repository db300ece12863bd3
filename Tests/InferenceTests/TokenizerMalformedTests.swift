import Testing
@testable import Inference

/// Broken vocabulary metadata gives an error naming the file and key, never a crash.
@Suite struct TokenizerMalformedTests {
    static let valid = TokenizerTinyVocabulary(extra: ["ab"], merges: ["a b"])

    static func problem(_ vocabulary: TokenizerTinyVocabulary) -> String? {
        do {
            _ = try vocabulary.tokenizer()
            return nil
        } catch {
            #expect(error.path == "test.gguf")
            return error.problem
        }
    }

    @Test func theValidVocabularyLoads() throws {
        #expect(Self.problem(Self.valid) == nil)
    }

    @Test func missingKeysAreNamed() {
        for key in ["tokenizer.ggml.model", "tokenizer.ggml.pre", "tokenizer.ggml.tokens", "tokenizer.ggml.merges"] {
            #expect(Self.problem(Self.valid.replacing(key, with: nil)) == "missing metadata key \(key)")
        }
    }

    @Test func wrongTypesAreNamed() {
        #expect(Self.problem(Self.valid.replacing("tokenizer.ggml.merges", with: .array([.int32(1)])))
            == "metadata key tokenizer.ggml.merges[0] is i32, expected a string")
        #expect(Self.problem(Self.valid.replacing("tokenizer.ggml.tokens", with: .string("a")))
            == "metadata key tokenizer.ggml.tokens is str, expected an array")
        #expect(Self.problem(Self.valid.replacing("tokenizer.ggml.token_type", with: .array([.int32(1)])))
            == "metadata key tokenizer.ggml.token_type has 1 entries for 258 tokens")
        #expect(Self.problem(Self.valid.replacing("tokenizer.ggml.token_type", with: .string("normal")))
            == "metadata key tokenizer.ggml.token_type is str, expected an array of integers")
        #expect(Self.problem(Self.valid.replacing("tokenizer.ggml.eos_token_id", with: .string("2")))
            == "metadata key tokenizer.ggml.eos_token_id is str, expected an integer")
        #expect(Self.problem(Self.valid.replacing("tokenizer.chat_template", with: .int32(0)))
            == "metadata key tokenizer.chat_template is i32, expected a string")
    }

    @Test func malformedMergesAreNamed() {
        for rule in ["ab", "a ", " a", ""] {
            let vocabulary = TokenizerTinyVocabulary(extra: ["ab"], merges: ["a b", rule])
            #expect(Self.problem(vocabulary) == "tokenizer.ggml.merges[1] '\(rule)' is not two symbols separated by a space")
        }
    }

    @Test func unsupportedTokenizersAreRefused() {
        #expect(Self.problem(Self.valid.replacing("tokenizer.ggml.model", with: .string("llama")))
            == "tokenizer.ggml.model is 'llama'; only GPT-2 byte-level BPE ('gpt2') vocabularies are supported")
        #expect(Self.problem(Self.valid.replacing("tokenizer.ggml.pre", with: .string("tekken")))?
            .hasPrefix("tokenizer.ggml.pre 'tekken' is not a supported pre-tokenizer") == true)
        #expect(Self.problem(Self.valid.replacing("tokenizer.ggml.tokens", with: .array([])))
            == "tokenizer.ggml.tokens has 0 entries")
    }

    @Test func outOfRangeSpecialIdsAreIgnoredButEOSIsRequired() throws {
        let tokenizer = try Self.valid.replacing("tokenizer.ggml.bos_token_id", with: .uint32(99_999)).tokenizer()
        #expect(tokenizer.bosToken == nil)
        // An end token that names no token is a broken file, said as such (not "missing").
        #expect(Self.problem(Self.valid.replacing("tokenizer.ggml.eos_token_id", with: .int64(-1)))
            == "metadata key tokenizer.ggml.eos_token_id is -1, outside the vocabulary of 258 tokens")
        #expect(Self.problem(Self.valid.replacing("tokenizer.ggml.eos_token_id", with: .uint32(1_000_000)))
            == "metadata key tokenizer.ggml.eos_token_id is 1000000, outside the vocabulary of 258 tokens")
    }

    @Test func oddTokenTypesAndEmptyTokensDoNotCrash() throws {
        var types: [GGUFValue] = (0..<258).map { _ in .int32(1) }
        types[0] = .int32(-7)
        types[1] = .int32(99)
        types[2] = .int32(5)
        let tokenizer = try Self.valid.replacing("tokenizer.ggml.token_type", with: .array(types)).tokenizer()
        #expect(tokenizer.kind(of: 0) == .undefined)
        #expect(tokenizer.kind(of: 2) == .unused)
        #expect(tokenizer.bytes(of: 0).isEmpty)
        #expect(tokenizer.piece(0) == "Ā")  // not a normal token: shown as spelled in the vocabulary
        _ = tokenizer.encode("\u{0}\u{1}\u{2}ab")
    }
}
