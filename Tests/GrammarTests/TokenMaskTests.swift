import Foundation
import Testing
import TestSupport
@testable import Grammar

/// Masks from the trie walk equal the brute-force mask (each token checked alone).
struct TokenMaskTests {
    /// A vocabulary with every 1-byte string, JSON-ish pieces, multi-byte and split UTF-8
    /// characters, duplicates, an empty token, special tokens and an end token.
    static func syntheticVocabulary() -> (tokens: [[UInt8]], special: Set<Int>, end: [Int]) {
        var tokens: [[UInt8]] = [Array("<eos>".utf8), Array("<|special|>".utf8), []]
        tokens += (0...255).map { [UInt8($0)] }
        let pieces = ["{\"", "\":", "\": ", "\",", "\"}", "true", "false", "null", "12", "0.5", "-1", "e+", "\\n", "\\u00",
                      "é", "😀", "日本", "ab", "abc", "a\"", "1. ", "e4", "Nf3", " O-O", "\n", "\n2.", "[\n", "],", "ab"]
        tokens += pieces.map { Array($0.utf8) }
        tokens += [[0xF0, 0x9F], [0x98, 0x80], [0xE6, 0x97], [0xC3]]
        var generator = SplitMix64(seed: 7)
        let alphabet = Array("{}[]\":, 0123456789.eE+-abcfnrstu\\\n".utf8)
        for _ in 0..<400 {
            tokens.append((0..<Int.random(in: 2...6, using: &generator)).map { _ in alphabet.randomElement(using: &generator) ?? 0 })
        }
        return (tokens, [1], [0])
    }

    static let grammars = ["json.gbnf", "chess.gbnf", "japanese.gbnf", "arithmetic.gbnf", "list.gbnf", "c.gbnf"]

    @Test(arguments: grammars)
    func trieMaskEqualsBruteForceOnSyntheticVocabulary(_ file: String) throws {
        let text = try String(contentsOf: GoldenData.url("gbnf/\(file)"), encoding: .utf8)
        let recognizer = Recognizer(try Grammar(gbnf: text, source: file))
        let vocabulary = Self.syntheticVocabulary()
        let trie = TokenTrie(tokens: vocabulary.tokens, special: vocabulary.special, endTokens: vocabulary.end)
        var generator = SplitMix64(seed: UInt64(file.utf8.count))
        for _ in 0..<4 {
            for state in RandomStates.walk(recognizer, steps: 40, using: &generator) {
                let mask = recognizer.mask(after: state, in: trie)
                let expected = RandomStates.bruteForceMask(recognizer, state, tokens: vocabulary.tokens, special: vocabulary.special, endTokens: vocabulary.end)
                #expect(mask == expected, "\(file): trie mask differs from brute force")
                #expect(!mask.contains(1), "special tokens are never allowed")
            }
        }
    }

    @Test func endTokenOnlyWhenComplete() throws {
        let recognizer = Recognizer(try Grammar(gbnf: "root ::= \"ab\" \"c\"?\n"))
        let trie = TokenTrie(tokens: [Array("<eos>".utf8), Array("a".utf8), Array("b".utf8), Array("bc".utf8), Array("c".utf8)], special: [0], endTokens: [0])
        let start = recognizer.mask(after: recognizer.initialState, in: trie)
        #expect(start.allowedTokens == [1])
        let afterA = try #require(recognizer.advance(recognizer.initialState, bytes: Array("a".utf8)))
        #expect(recognizer.mask(after: afterA, in: trie).allowedTokens == [2, 3])
        let afterAB = try #require(recognizer.advance(afterA, bytes: Array("b".utf8)))
        #expect(recognizer.mask(after: afterAB, in: trie).allowedTokens == [0, 4])
    }

    @Test func statesAreValuesSoRollbackIsFree() throws {
        let recognizer = Recognizer(try Grammar(gbnf: "root ::= \"ab\" | \"ac\"\n"))
        let afterA = try #require(recognizer.advance(recognizer.initialState, bytes: Array("a".utf8)))
        let afterAB = try #require(recognizer.advance(afterA, byte: UInt8(ascii: "b")))
        #expect(recognizer.isComplete(afterAB))
        #expect(recognizer.canAccept(Array("c".utf8), from: afterA), "the earlier state is unchanged")
        #expect(!recognizer.canAccept(Array("b".utf8), from: afterAB))
        #expect(!recognizer.isComplete(afterA))
    }
}
