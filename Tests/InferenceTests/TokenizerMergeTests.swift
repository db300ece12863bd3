import Testing
@testable import Inference

/// BPE merging rules on a tiny vocabulary, where the right answer can be worked out by hand.
@Suite struct TokenizerMergeTests {
    @Test func lowerRankMergesFirstWhateverItsPosition() throws {
        // "abc": (b,c) has rank 0 and wins over (a,b) with rank 1; then "a"+"bc" joins.
        let vocabulary = TokenizerTinyVocabulary(extra: ["ab", "bc", "abc"], merges: ["b c", "a b", "a bc"])
        let tokenizer = try vocabulary.tokenizer()
        #expect(tokenizer.encode("abc") == [vocabulary.id("abc")])
        #expect(tokenizer.encode("ab") == [vocabulary.id("ab")])
        // "abab": both (a,b) pairs merge; "ab ab" has no rule.
        #expect(tokenizer.encode("abab") == [vocabulary.id("ab"), vocabulary.id("ab")])
    }

    @Test func leftmostPairWinsATie() throws {
        // "aaa": the two (a,a) pairs tie; the left one merges, leaving "aa" + "a".
        let vocabulary = TokenizerTinyVocabulary(extra: ["aa"], merges: ["a a"])
        let tokenizer = try vocabulary.tokenizer()
        let a = TokenizerTinyVocabulary.id(byte: UInt8(ascii: "a"))
        #expect(tokenizer.encode("aaa") == [vocabulary.id("aa"), a])
        #expect(tokenizer.encode("aaaaa") == [vocabulary.id("aa"), vocabulary.id("aa"), a])
    }

    @Test func mergesThroughStringsThatAreNotTokens() throws {
        // "xy" is no token, but a rule builds it and a later rule turns "xy"+"z" into "xyz".
        let vocabulary = TokenizerTinyVocabulary(extra: ["xyz"], merges: ["x y", "xy z"])
        let tokenizer = try vocabulary.tokenizer()
        #expect(tokenizer.encode("xyz") == [vocabulary.id("xyz")])
        // Left as "xy", it falls back to its single bytes, as llama.cpp does.
        let x = TokenizerTinyVocabulary.id(byte: UInt8(ascii: "x")), y = TokenizerTinyVocabulary.id(byte: UInt8(ascii: "y"))
        #expect(tokenizer.encode("xy") == [x, y])
    }

    @Test func wordsNeverMergeAcrossPreTokenizerBoundaries() throws {
        let vocabulary = TokenizerTinyVocabulary(extra: ["ab", "Ġb", "b!"], merges: ["a b", "Ġ b", "b !"])
        let tokenizer = try vocabulary.tokenizer()
        let a = TokenizerTinyVocabulary.id(byte: UInt8(ascii: "a")), bang = TokenizerTinyVocabulary.id(byte: UInt8(ascii: "!"))
        // " b" is one word, "!" another: "b !" never applies.
        #expect(tokenizer.encode("a b!") == [a, vocabulary.id("Ġb"), bang])
    }

    @Test func controlTokensAreTextUnlessParsed() throws {
        let vocabulary = TokenizerTinyVocabulary(extra: [], merges: [])
        let tokenizer = try vocabulary.tokenizer()
        let end = TokenID(256)
        #expect(tokenizer.encode("<|end|>", parseSpecial: true) == [end])
        #expect(tokenizer.encode("<|end|>").count == 7)
        #expect(tokenizer.encode("x<|end|><|end|>y", parseSpecial: true) == [TokenID(UInt8(ascii: "x")), end, end, TokenID(UInt8(ascii: "y"))])
        #expect(tokenizer.isEndOfGeneration(end) && tokenizer.eosToken == end)
    }

    @Test func everyByteRoundTrips() throws {
        let tokenizer = try TokenizerTinyVocabulary(extra: [], merges: []).tokenizer()
        for byte in UInt8.min...UInt8.max {
            #expect(tokenizer.bytes(of: TokenID(byte)) == [byte])
        }
        let text = "tab\there, nul \u{0} and é"
        #expect(tokenizer.decode(tokenizer.encode(text)) == Array(text.utf8))
    }
}
