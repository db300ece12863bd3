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

    /// The states a constrained decoder meets on the sample instances (inside counted strings,
    /// numbers, enums, keys), each masked cold by a fresh recognizer so the plain-token bitsets,
    /// horizons and lazily filled rows are all exercised from scratch.
    @Test(arguments: ["person", "recipe", "weather-call"])
    func coldMasksAlongInstanceEqualBruteForce(_ name: String) throws {
        let vocabulary = try SmolLM2Vocabulary.load()
        let trie = TokenTrie(tokens: vocabulary.tokens, special: vocabulary.special, endTokens: vocabulary.endTokens)
        let folder = GoldenData.repositoryRoot.appendingPathComponent("samples/schemas")
        let grammar = try Grammar(jsonSchema: String(contentsOf: folder.appendingPathComponent("\(name).json"), encoding: .utf8), source: name)
        let instance = Array(try String(contentsOf: folder.appendingPathComponent("\(name).instance.json"), encoding: .utf8)
            .trimmingCharacters(in: .whitespacesAndNewlines).utf8)
        for end in stride(from: 0, through: instance.count, by: 2) {
            let recognizer = Recognizer(grammar)
            let state = try #require(recognizer.advance(recognizer.initialState, bytes: instance[..<end]))
            let mask = recognizer.mask(after: state, in: trie)
            // The reference recognizer only ever advances byte by byte; it never builds a mask.
            let reference = Recognizer(grammar)
            let referenceState = try #require(reference.advance(reference.initialState, bytes: instance[..<end]))
            let expected = RandomStates.bruteForceMask(reference, referenceState, tokens: vocabulary.tokens, special: vocabulary.special, endTokens: vocabulary.endTokens)
            #expect(mask == expected, "\(name) after \(end) bytes: \(mask.allowedCount) allowed vs \(expected.allowedCount) by brute force")
        }
    }
}
