import Testing
@testable import Inference

/// The evaluation API's batch semantics on the default model: batches equal single steps bit
/// for bit, trees equal their paths, commit and truncate keep the right cache entries.
@Suite(.serialized) struct LlamaBatchTests {
    static let prompt: [TokenID] = [504, 3575, 282, 4649, 314]
    static let continuation: [TokenID] = [7042, 30, 198, 198, 504, 2988, 314, 42, 216]

    @Test func batchedChainIsBitIdenticalToOneTokenAtATime() throws {
        let tokens = Self.prompt + Self.continuation
        let single = try LlamaTestModel.load(threads: 1)
        var stepRows: [[Float]] = []
        for token in tokens { stepRows.append(Array(try single.evaluateAndCommit([token]).row(0))) }

        let batched = try LlamaTestModel.load(threads: 2)
        let all = try batched.evaluateAndCommit(tokens, rows: .all)
        for (i, row) in stepRows.enumerated() {
            #expect(Array(all.row(i)) == row, "row \(i) differs between batched and single-step evaluation")
        }
        #expect(batched.committedCount == tokens.count)
    }

    @Test func longBatchSpanningSeveralPassesMatchesSingleSteps() throws {
        let tokens = (0..<LlamaModel.rowsPerPass + 9).map { TokenID(300 + 37 * $0 % 20_000) }
        let batched = try LlamaTestModel.load()
        let all = try batched.evaluateAndCommit(tokens, rows: .rows([0, LlamaModel.rowsPerPass - 1, LlamaModel.rowsPerPass, tokens.count - 1]))
        let single = try LlamaTestModel.load()
        var expected: [Int: [Float]] = [:]
        for (i, token) in tokens.enumerated() {
            let row = Array(try single.evaluateAndCommit([token]).row(0))
            if all.batchRows.contains(i) { expected[i] = row }
        }
        for (k, row) in all.batchRows.enumerated() {
            #expect(Array(all.row(k)) == expected[row], "row \(row) differs")
        }
    }

    /// Tree: two branches after the prompt, [a, b, c] and [a, d]; rows 0=a 1=b 2=c 3=d.
    @Test func treeEvaluationEqualsEachPathOnItsOwn() throws {
        let model = try LlamaTestModel.load()
        _ = try model.evaluateAndCommit(Self.prompt)
        let p = Self.prompt.count
        let (a, b, c, d): (TokenID, TokenID, TokenID, TokenID) = (7042, 30, 198, 13)
        let tree = [
            BatchToken(token: a, position: p, parent: nil),
            BatchToken(token: b, position: p + 1, parent: 0),
            BatchToken(token: c, position: p + 2, parent: 1),
            BatchToken(token: d, position: p + 1, parent: 0),
        ]
        let treeLogits = try model.evaluate(tree, options: EvaluationOptions(outputRows: .all))

        for (path, rows) in [([a, b, c], [0, 1, 2]), ([a, d], [0, 3])] {
            let reference = try LlamaTestModel.load()
            _ = try reference.evaluateAndCommit(Self.prompt)
            let chain = try reference.evaluateAndCommit(path, rows: .all)
            for (k, row) in rows.enumerated() {
                let difference = maxAbsDifference(treeLogits.row(row), chain.row(k))
                #expect(difference <= 1e-3, "tree row \(row) vs path position \(k): max |Δ| \(difference)")
            }
        }
    }

    @Test func commitKeepsTheChosenPathAndTruncateRewinds() throws {
        let model = try LlamaTestModel.load()
        _ = try model.evaluateAndCommit(Self.prompt)
        let p = Self.prompt.count
        let tree = [
            BatchToken(token: 7042, position: p, parent: nil),
            BatchToken(token: 13, position: p + 1, parent: 0),
            BatchToken(token: 30, position: p + 1, parent: 0),
        ]
        _ = try model.evaluate(tree, options: EvaluationOptions(outputRows: .all))
        try model.commit(path: [0, 2])
        #expect(model.committedCount == p + 2)
        let afterCommit = Array(try model.evaluateAndCommit([198]).row(0))

        let reference = try LlamaTestModel.load()
        let expected = try reference.evaluateAndCommit(Self.prompt + [7042, 30, 198], rows: .last)
        #expect(afterCommit == Array(expected.row(0)), "the committed branch is not the one attended to")

        model.truncate(to: p)
        #expect(model.committedCount == p)
        let rewound = Array(try model.evaluateAndCommit([7042]).row(0))
        let fresh = try LlamaTestModel.load()
        let expectedRewound = try fresh.evaluateAndCommit(Self.prompt + [7042], rows: .last)
        #expect(rewound == Array(expectedRewound.row(0)))
    }

    @Test func rejectsBadBatchesAndPaths() throws {
        let model = try LlamaTestModel.load(contextLength: 8)
        #expect(throws: ModelError.contextFull(limit: 8)) { try model.evaluate(BatchToken.chain(Array(repeating: 1, count: 9), startingAt: 0), options: .init()) }
        #expect(throws: ModelError.invalidToken(49152, vocabularySize: 49152)) { try model.evaluate([BatchToken(token: 49152, position: 0, parent: nil)], options: .init()) }
        #expect(throws: ModelError.self) { try model.evaluate([BatchToken(token: 1, position: 0, parent: 0)], options: .init()) }
        _ = try model.evaluate(BatchToken.chain([1, 2, 3], startingAt: 0), options: .init())
        #expect(throws: ModelError.self) { try model.commit(path: [1]) }
        #expect(throws: ModelError.self) { try model.commit(path: [0, 2]) }
        #expect(model.committedCount == 0)
    }

    @Test func earlyExitUsesFewerLayersAndGuardsTheCache() throws {
        let model = try LlamaTestModel.load()
        let full = try model.evaluate(BatchToken.chain(Self.prompt, startingAt: 0), options: EvaluationOptions())
        let early = try model.evaluate(BatchToken.chain(Self.prompt, startingAt: 0), options: EvaluationOptions(exitLayer: 10))
        #expect(maxAbsDifference(full.row(0), early.row(0)) > 0.1, "exiting after 10 of 30 layers changed nothing")

        let (_, lens) = try model.evaluateWithLogitLens(BatchToken.chain(Self.prompt, startingAt: 0), options: EvaluationOptions(), row: Self.prompt.count - 1)
        #expect(lens.map(\.layer) == Array(1...model.layerCount))
        #expect(lens.last?.logits == Array(full.row(0)), "the lens after the last layer is the model's output")
        let lensAt10 = try #require(lens.first { $0.layer == 10 })
        #expect(lensAt10.logits == Array(early.row(0)), "the lens after layer 10 equals an exit at layer 10")

        // Committing an early-exit evaluation leaves layers 10... without keys for those positions.
        _ = try model.evaluate(BatchToken.chain(Self.prompt, startingAt: 0), options: EvaluationOptions(exitLayer: 10))
        try model.commit(path: Array(Self.prompt.indices))
        _ = try model.evaluate(BatchToken.chain([13], startingAt: Self.prompt.count), options: EvaluationOptions(exitLayer: 10))
        #expect(throws: ModelError.self) { try model.evaluate(BatchToken.chain([13], startingAt: Self.prompt.count), options: EvaluationOptions()) }
        model.truncate(to: 0)
        _ = try model.evaluate(BatchToken.chain(Self.prompt, startingAt: 0), options: EvaluationOptions())
    }
}
