import Testing
@testable import Grammar

/// Static bounds on plain ASCII runs, and what they save: a counted string's states.
struct PlainRunsTests {
    private func rootRun(_ gbnf: String) throws -> PlainRuns.Run {
        let grammar = try Grammar(gbnf: gbnf)
        var runs = PlainRuns(grammar)
        return runs.sequence(from: Int(grammar.alternatives[Int(grammar.root)][0]))
    }

    @Test func countedRunHasExactBounds() throws {
        // Up to five of any printable byte, then a line break (not plain).
        #expect(try rootRun("root ::= [ -~]{0,5} \"\\n\"\n") == PlainRuns.Run(lower: 5, complete: -1, upper: 5, completeUpper: -1))
        // Exactly three, then an optional plain tail of at most two.
        #expect(try rootRun("root ::= [ -~]{3} [a-z]{0,2}\n") == PlainRuns.Run(lower: 3, complete: 3, upper: 5, completeUpper: 5))
    }

    @Test func classesWithoutEveryPlainByteClaimNothing() throws {
        // Digits only: some plain strings are rejected at once, and at most four are taken.
        #expect(try rootRun("root ::= [0-9]{1,4}\n") == PlainRuns.Run(lower: 0, complete: -1, upper: 4, completeUpper: 4))
    }

    @Test func recursionKeepsBoundsTrue() throws {
        let run = try rootRun("root ::= [ -~] root | \"\\n\"\n")
        #expect(run.lower >= 1)
        #expect(run.upper == PlainRuns.unbounded)
    }

    /// Inside a string of at most 200 characters the horizon comes from the rules: the cold
    /// mask builds the few states its mixed tokens reach instead of one per character of a
    /// searched horizon (64 or more), and equals brute force.
    @Test func countedStringMaskBuildsFewStates() throws {
        let grammar = try Grammar(jsonSchema: #"{"type": "string", "maxLength": 200}"#, source: "schema")
        let recognizer = Recognizer(grammar)
        let vocabulary = TokenMaskTests.syntheticVocabulary()
        let trie = TokenTrie(tokens: vocabulary.tokens, special: vocabulary.special, endTokens: vocabulary.end)
        let state = try #require(recognizer.advance(recognizer.initialState, bytes: Array("\"ab".utf8)))
        let mask = recognizer.mask(after: state, in: trie)
        #expect(recognizer.stateCount < 50, "\(recognizer.stateCount) states")
        let expected = RandomStates.bruteForceMask(recognizer, state, tokens: vocabulary.tokens, special: vocabulary.special, endTokens: vocabulary.end)
        #expect(mask == expected)
    }
}
