import Testing
import Inference

struct ToyModelTests {
    @Test func treeRowsEqualChainEvaluation() throws {
        let model = ToyModel(seed: 3)
        _ = try model.evaluateAndCommit([1, 3])
        // Tree: 6 ("sat") with children 9 ("on") and 14 ("."); a second root 7 ("ran").
        let tree = [
            BatchToken(token: 6, position: 2, parent: nil),
            BatchToken(token: 9, position: 3, parent: 0),
            BatchToken(token: 14, position: 3, parent: 0),
            BatchToken(token: 7, position: 2, parent: nil),
        ]
        let logits = try model.evaluate(tree, options: EvaluationOptions(outputRows: .all))
        #expect(Array(logits.row(1)) == model.logits(after: [1, 3, 6, 9]))
        #expect(Array(logits.row(2)) == model.logits(after: [1, 3, 6, 14]))
        #expect(Array(logits.row(3)) == model.logits(after: [1, 3, 7]))
        try model.commit(path: [0, 2])
        #expect(model.committedTokens == [1, 3, 6, 14])
        let next = try model.evaluate(BatchToken.chain([0], startingAt: 4), options: EvaluationOptions())
        #expect(Array(next.row(0)) == model.logits(after: [1, 3, 6, 14, 0]))
    }

    @Test func rejectsBrokenBatchesAndPaths() throws {
        let model = ToyModel()
        _ = try model.evaluateAndCommit([1])
        #expect(throws: ModelError.self) {
            try model.evaluate([BatchToken(token: 3, position: 5, parent: nil)], options: EvaluationOptions())
        }
        _ = try model.evaluate([BatchToken(token: 3, position: 1, parent: nil), BatchToken(token: 4, position: 1, parent: nil)], options: EvaluationOptions(outputRows: .all))
        #expect(throws: ModelError.self) { try model.commit(path: [0, 1]) }
        #expect(throws: ModelError.self) {
            try model.evaluate([BatchToken(token: 99, position: 1, parent: nil)], options: EvaluationOptions())
        }
    }

    @Test func truncateAndContextLimit() throws {
        let model = ToyModel(contextLength: 4)
        _ = try model.evaluateAndCommit([1, 3, 6, 9])
        #expect(throws: ModelError.contextFull(limit: 4)) { try model.evaluateAndCommit([1]) }
        model.truncate(to: 2)
        #expect(model.committedTokens == [1, 3])
    }

    @Test func earlyExitFlattensTheSameRanking() throws {
        let model = ToyModel()
        let full = try model.evaluate(BatchToken.chain([1], startingAt: 0), options: EvaluationOptions())
        let early = try model.evaluate(BatchToken.chain([1], startingAt: 0), options: EvaluationOptions(exitLayer: 2))
        #expect(Array(early.row(0)) == full.row(0).map { $0 * 0.5 })
    }
}
