import Testing
import Decoding
import Inference

/// The ADED-style trigram table and the best-first tree it drafts (reference Card 9's fixture:
/// counts C[a,b,c], estimate C[a,b,c] / Σ C[a,b,·]).
@Suite struct SpeculativeTrigramTests {
    @Test func countsPairsAndEstimatesTheirContinuations() {
        var table = TrigramTable()
        // 1 2 3, 1 2 3, 1 2 4, 5 2 6.
        table.record(text: [1, 2, 3, 9, 1, 2, 3, 9, 1, 2, 4, 5, 2, 6])
        let after12 = table.continuations(after: 1, 2, limit: 5)
        #expect(after12.map(\.token) == [3, 4] && after12.map(\.count) == [2, 1])
        #expect(abs(after12[0].estimate - 2.0 / 3) < 1e-15 && abs(after12[1].estimate - 1.0 / 3) < 1e-15)
        #expect(table.continuations(after: 5, 2, limit: 5).map(\.token) == [6])
        #expect(table.continuations(after: 1, 2, limit: 1).map(\.token) == [3])
    }

    @Test func unseenPairsFallBackToTheLastTokenAlone() {
        var table = TrigramTable()
        table.record(text: [1, 2, 3, 5, 2, 6, 7, 2, 6])
        // (9, 2) was never seen: what followed 2 anywhere, 6 twice, 3 once.
        let fallback = table.continuations(after: 9, 2, limit: 5)
        #expect(fallback.map(\.token) == [6, 3] && fallback.map(\.count) == [2, 1])
        #expect(table.continuations(after: nil, 2, limit: 5).map(\.token) == [6, 3])
        #expect(table.continuations(after: 9, 8, limit: 5).isEmpty)
    }

    @Test func tiesGoToTheMostRecentContinuation() {
        var table = TrigramTable()
        table.record(1, 2, next: 3)
        table.record(1, 2, next: 4)
        #expect(table.continuations(after: 1, 2, limit: 2).map(\.token) == [4, 3])
        table.record(1, 2, next: 3)
        #expect(table.continuations(after: 1, 2, limit: 2).map(\.token) == [3, 4])
    }

    @Test func recordsOnlyTheNewTailOfTheText() {
        var table = TrigramTable()
        let text: [TokenID] = [1, 2, 3, 1, 2, 4]
        table.record(text: text, from: 5)
        #expect(table.continuations(after: 1, 2, limit: 5).map(\.token) == [4])
        table.record(text: text, from: 99)
        #expect(table.continuations(after: 1, 2, limit: 5).map(\.count) == [1])
    }

    @Test func confidentTablesDraftAChainUnsureOnesBranch() {
        var table = TrigramTable()
        table.record(text: [1, 2, 3, 4, 5, 6])
        let chain = TrigramDrafter(size: 4, maxDepth: 8).draft(after: [1, 2], table: table, limit: 8, vocabulary: ToyVocabulary()).tree
        #expect(chain.nodes.map(\.token) == [3, 4, 5, 6] && chain.nodes.map(\.parent) == [nil, 0, 1, 2])

        // After (1, 2): 3 (3/4) and 7 (1/4); after (2, 3): 5 (3/4) and 4 (1/4). Best first by
        // the product of estimates, two deep: 3 (3/4), 5 (9/16), then 7 (1/4) beats 4 (3/16).
        var branching = TrigramTable()
        branching.record(text: [1, 2, 3, 5, 1, 2, 3, 5, 1, 2, 3, 5, 9, 2, 3, 4, 1, 2, 7])
        let tree = TrigramDrafter(size: 3, maxDepth: 2).draft(after: [1, 2], table: branching, limit: 8, vocabulary: ToyVocabulary()).tree
        #expect(tree.nodes.map(\.token) == [3, 5, 7] && tree.nodes.map(\.parent) == [nil, 0, nil])
        // The depth limit (the token budget) cuts the chain.
        let cut = TrigramDrafter(size: 4, maxDepth: 8).draft(after: [1, 2], table: table, limit: 2, vocabulary: ToyVocabulary()).tree
        #expect(cut.nodes.map(\.token) == [3, 4])
    }

    @Test func estimatesAreScaledByTrustAndCutAtTheThreshold() {
        var table = TrigramTable()
        // After (1, 2): 3 (3/4) and 7 (1/4); after (2, 3): 5 (3/4) and 4 (1/4).
        table.record(text: [1, 2, 3, 5, 1, 2, 3, 5, 1, 2, 3, 5, 9, 2, 3, 4, 1, 2, 7])
        let drafter = TrigramDrafter(size: 8, maxDepth: 2, threshold: 0.3)
        let trusted = drafter.draft(after: [1, 2], table: table, limit: 8, vocabulary: ToyVocabulary())
        // Paths 3 (.75) and 3→5 (.5625) reach the threshold; 7 (.25) and 3→4 (.1875) do not.
        #expect(trusted.tree.nodes.map(\.token) == [3, 5] && trusted.estimates == [0.75, 0.75])
        let halfTrusted = drafter.draft(after: [1, 2], table: table, limit: 8, vocabulary: ToyVocabulary(), trust: 0.5)
        // 3 is .375, 3→5 is .140625: only the first stays.
        #expect(halfTrusted.tree.nodes.map(\.token) == [3] && halfTrusted.estimates == [0.375])
    }

    @Test func calibrationTrustsEstimatesAsFarAsTheTargetBoreThemOut() {
        var calibration = EstimateCalibration()
        #expect(calibration.trust == 1)
        // Estimates summing to 2 of which none was accepted: (0.9 · 1 + 0) / (0.9 · 1 + 2).
        calibration.record(estimates: [1, 1], accepted: [false, false])
        #expect(abs(calibration.trust - 0.9 / 2.9) < 1e-15)
        // Nothing judged changes nothing; accepted drafts raise trust but never past 1.
        calibration.record(estimates: [], accepted: [])
        #expect(abs(calibration.trust - 0.9 / 2.9) < 1e-15)
        for _ in 0..<50 { calibration.record(estimates: [0.5], accepted: [true]) }
        #expect(calibration.trust == 1)
    }

    @Test func controlTokensAreNeverDrafted() {
        var table = TrigramTable()
        table.record(text: [1, 2, ToyVocabulary.endToken, 1, 2, ToyVocabulary.endToken, 1, 2, 5])
        let tree = TrigramDrafter(size: 4, maxDepth: 4).draft(after: [1, 2], table: table, limit: 4, vocabulary: ToyVocabulary()).tree
        #expect(!tree.nodes.contains { $0.token == ToyVocabulary.endToken })
        #expect(tree.nodes.first?.token == 5)
    }

    @Test func strategyLearnsFromTheTargetsPredictions() throws {
        // After the prompt the table knows nothing the target writes; once the target has
        // predicted a continuation, later rounds draft it and get it accepted.
        var strategy = try StrategyCatalog.make(SpeculativeTrigramStrategy.descriptor.name, parameters: SpeculativeStrategyTests.greedyParameters)
        let run = try decode(&strategy, model: ToyModel(seed: 5, contextLength: 128), prompt: [2, 5], maxNewTokens: 60)
        let accepted = run.steps.map { $0.tokens.filter { $0.source == .draftAccepted }.count }
        #expect(accepted.prefix(2).allSatisfy { $0 == 0 })
        #expect(accepted.reduce(0, +) > 20)
        var pairs: [Int] = []
        for step in run.steps {
            guard case .draftTree(let tree) = step.payload else { Issue.record("expected a draft tree"); continue }
            let label = tree.drafter.split(separator: " ")
            #expect(label.count == 9 && label.prefix(3) == ["trigram", "table", "of"] && label[7] == "\(tree.nodes.count)-node")
            pairs.append(Int(label[3]) ?? -1)
        }
        // The table grows as the target writes (a two-token prompt has no pair with a follower),
        // until the greedy text cycles through pairs it already knows.
        #expect(pairs.first == 0 && pairs == pairs.sorted() && (pairs.last ?? 0) >= 3, "pairs by round: \(pairs)")
    }
}
