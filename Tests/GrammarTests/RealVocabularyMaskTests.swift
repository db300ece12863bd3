import Foundation
import Testing
import TestSupport
@testable import Grammar

/// Masks over the real SmolLM2 vocabulary (49,152 tokens) equal brute force.
struct RealVocabularyMaskTests {
    @Test func vocabularyDecodesToBytes() throws {
        let vocabulary = try SmolLM2Vocabulary.load()
        #expect(vocabulary.tokens.count == 49152)
        #expect(vocabulary.endTokens == [2])
        #expect(vocabulary.special.count == 17)
        #expect(vocabulary.special.contains(2))
        // Printable ASCII characters are all single tokens of a byte-level BPE vocabulary.
        let singles = Set(vocabulary.tokens.filter { $0.count == 1 }.map { $0[0] })
        #expect(singles.isSuperset(of: 0x20...0x7E))
        #expect(vocabulary.tokens.contains(Array(" the".utf8)))
    }

    @Test(arguments: ["gbnf/json.gbnf", "gbnf/chess.gbnf", "gbnf/japanese.gbnf", "schemas/person.json", "schemas/recipe.json"])
    func trieMaskEqualsBruteForce(_ file: String) throws {
        let vocabulary = try SmolLM2Vocabulary.load()
        let trie = TokenTrie(tokens: vocabulary.tokens, special: vocabulary.special, endTokens: vocabulary.endTokens)
        // Golden GBNF files, and sample schemas whose counted strings (maxLength) take the
        // recognizer's subtree shortcuts.
        let grammar: Grammar
        if file.hasPrefix("schemas/") {
            let url = GoldenData.repositoryRoot.appendingPathComponent("samples/\(file)")
            grammar = try Grammar(jsonSchema: String(contentsOf: url, encoding: .utf8), source: file)
        } else {
            grammar = try Grammar(gbnf: String(contentsOf: GoldenData.url(file), encoding: .utf8), source: file)
        }
        let recognizer = Recognizer(grammar)
        var generator = SplitMix64(seed: 2026)
        let states = RandomStates.walk(recognizer, steps: 45, using: &generator)
        for state in states.enumerated().filter({ $0.offset % 3 == 0 }).map(\.element) {
            let mask = recognizer.mask(after: state, in: trie)
            let expected = RandomStates.bruteForceMask(recognizer, state, tokens: vocabulary.tokens, special: vocabulary.special, endTokens: vocabulary.endTokens)
            #expect(mask == expected, "\(file): \(mask.allowedCount) allowed vs \(expected.allowedCount) by brute force")
            for token in vocabulary.special { #expect(!mask.contains(token) || vocabulary.endTokens.contains(token)) }
        }
    }
}
