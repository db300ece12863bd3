import Testing
import Decoding
import Inference

/// The draft sources behind the tree strategies: static template and adjacency rows (Token
/// Recycling), Jacobi window and n-gram pool (lookahead), skip-set search and adaptive length.
@Suite struct SpeculativeTreeSourceTests {
    /// Reference Card 3d / Card 8: M[5] = [6, 3, 5, 1], M[6] = [4, 1, 7, 2]; root children of
    /// ranks 0, 1, 2 and a rank-0 grandchild under the first, after last token 5.
    @Test func templateFillMatchesTheTokenRecyclingFixture() {
        let template = StaticTreeTemplate(nodes: [.init(parent: nil, rank: 0), .init(parent: nil, rank: 1), .init(parent: nil, rank: 2), .init(parent: 0, rank: 0)])
        let rows: [TokenID: [TokenID]] = [5: [6, 3, 5, 1], 6: [4, 1, 7, 2]]
        let tree = template.fill(after: 5, maxDepth: 8) { rows[$0].map { $0[...] } ?? [] }
        #expect(tree.nodes.map(\.token) == [6, 3, 5, 4])
        #expect(tree.nodes.map(\.parent) == [nil, nil, nil, 0])
        // Tree attention layout: positions n_past + depth, each row attending to its ancestors.
        let batch = tree.batch(pending: [5], startingAt: 40)
        #expect(batch.map(\.token) == [5, 6, 3, 5, 4])
        #expect(batch.map(\.position) == [40, 41, 41, 41, 42])
        #expect(batch.map(\.parent) == [nil, 0, 0, 0, 1])
        // A row without the needed rank drops the node and its subtree; depth limits cut too.
        let short = template.fill(after: 5, maxDepth: 8) { $0 == 5 ? [6, 3] : [] }
        #expect(short.nodes.map(\.token) == [6, 3])
        #expect(template.fill(after: 5, maxDepth: 1) { rows[$0].map { $0[...] } ?? [] }.nodes.count == 3)
    }

    @Test func generatedTemplateIsBestFirstUnderTheRankGuess() {
        // a0 = .6, a1 ≈ .212: the spine [0], [0,0], [0,0,0] (.6, .36, .216) beats [1] (.212),
        // which beats [0,0,0,0] (.1296).
        #expect(StaticTreeTemplate(size: 3, maxRank: 8).levelSizes == [1, 1, 1])
        #expect(StaticTreeTemplate(size: 4, maxRank: 8).levelSizes == [2, 1, 1])
        let template = StaticTreeTemplate(size: 40, maxRank: 8)
        #expect(template.nodes.count == 40)
        for (i, node) in template.nodes.enumerated() {
            // Parents first, and a rank is only used after every better rank of the same parent.
            #expect(node.parent.map { $0 < i } ?? true)
            if node.rank > 0 {
                #expect(template.nodes[..<i].contains { $0.parent == node.parent && $0.rank == node.rank - 1 })
            }
        }
        let levels = template.levelSizes
        #expect(levels[0] > levels[levels.count - 1] && levels.count >= 5)
    }

    /// Card 8's update fixture: after the target predicts [4, 1, 7, 2, ...] after token 6, row 6
    /// is that list; a later prediction overwrites it whole.
    @Test func adjacencyRowsAreOverwrittenByTheLatestPrediction() {
        var matrix = AdjacencyMatrix(candidatesPerToken: 4)
        #expect(matrix.row(6).isEmpty)
        var logits = [Float](repeating: 0, count: 16)
        for (rank, token) in [4, 1, 7, 2].enumerated() { logits[token] = Float(10 - rank) }
        matrix.record(6, nextLogits: logits[...], vocabularySize: 16)
        #expect(Array(matrix.row(6)) == [4, 1, 7, 2])
        var later = [Float](repeating: 0, count: 16)
        for (rank, token) in [9, 3, 15, 0].enumerated() { later[token] = Float(10 - rank) }
        matrix.record(6, nextLogits: later[...], vocabularySize: 16)
        #expect(Array(matrix.row(6)) == [9, 3, 15, 0])
        #expect(matrix.row(5).isEmpty && matrix.row(99).isEmpty)
    }

    @Test func emptyRowsStartWithWhatFollowedTheTokenInThePrompt() {
        var matrix = AdjacencyMatrix(candidatesPerToken: 2)
        matrix.record(3, candidates: [9], vocabularySize: 16)
        matrix.recordFollowers(in: [1, 2, 1, 3, 1, 4, 1, 2, 3, 5], vocabularySize: 16)
        // Most recent first, no repeats, at most two; a row the target filled is kept.
        #expect(Array(matrix.row(1)) == [2, 4] && Array(matrix.row(2)) == [3, 1])
        #expect(Array(matrix.row(3)) == [9] && matrix.row(5).isEmpty)
    }

    /// The window as a tree: level 0 is a chain, each deeper guess hangs off the guess above it,
    /// so column j's trajectory is a chain of consecutive positions.
    @Test func jacobiWindowPlacesColumnTrajectoriesAsChains() {
        let window = JacobiWindow(depth: 2, width: 3, seed: [10, 11, 12, 13, 14, 15])
        #expect(window.levels == [[10, 11, 12], [13, 14, 15]])
        var builder = DraftTreeBuilder(maxDepth: 8)
        let placed = window.place(into: &builder)
        let tree = builder.tree
        #expect(tree.nodes.map(\.token) == [10, 11, 12, 13, 14, 15])
        #expect(tree.nodes.map(\.parent) == [nil, 0, 1, 0, 1, 2])
        #expect(placed == [[0, 1, 2], [3, 4, 5]])
        #expect(window.ngrams(next: [7, nil, 9]) == [[10, 13, 7], [12, 15, 9]])
        var limited = DraftTreeBuilder(maxDepth: 2)
        #expect(window.place(into: &limited) == [[0, 1, nil], [2, nil, nil]])
    }

    @Test func jacobiWindowShiftsByTheCommittedTokens() {
        var window = JacobiWindow(depth: 2, width: 3, seed: [10, 11, 12, 13, 14, 15])
        var one = window
        one.advance(next: [7, nil, 9], committed: 1)
        #expect(one.levels == [[13, 14, 15], [7, 14, 9]] as [[TokenID]])
        // Two tokens committed: every column now guesses one place further on.
        window.advance(next: [7, 8, 9], committed: 2)
        #expect(window.levels == [[14, 15, 15], [8, 9, 9]] as [[TokenID]])
    }

    @Test func ngramPoolKeepsTheMostRecentPerFirstToken() {
        var pool = NgramPool(capacity: 2)
        pool.addNgrams(of: [1, 2, 3, 1, 4, 5, 1, 2, 3], size: 3)
        #expect(pool.continuations(of: 1) == [[4, 5], [2, 3]])
        #expect(pool.continuations(of: 2) == [[3, 1]])
        pool.add([1, 9, 9])
        #expect(pool.continuations(of: 1) == [[2, 3], [9, 9]])
        pool.addNgrams(of: [5, 6, 7, 8], size: 3, endingFrom: 3)
        // [5, 6, 7] ends before index 3 and is skipped; key 5 still holds only [1, 2].
        #expect(pool.continuations(of: 5) == [[1, 2]] && pool.continuations(of: 6) == [[7, 8]])
        #expect(pool.continuations(of: 42).isEmpty)
    }

    @Test func adaptiveDraftLengthGrowsOnFullAcceptanceAndFallsBackOnRejection() {
        var length = AdaptiveDraftLength(initial: 1, maximum: 4)
        var seen: [Int] = []
        for (drafted, accepted) in [(1, 1), (2, 2), (3, 3), (4, 4), (4, 4), (4, 1), (2, 0), (0, 0)] {
            length.record(drafted: drafted, accepted: accepted)
            seen.append(length.current)
        }
        #expect(seen == [2, 3, 4, 4, 4, 2, 1, 1])
    }

    @Test func skipSetSearchKeepsTheBestSetAndStops() {
        var search = SkipSetSearch(layerCount: 30, skipCount: 7, roundsPerTrial: 2, maxTrials: 50, targetAcceptance: 0.9)
        let first = search.current
        #expect(first.count == 7 && !first.contains(0) && !first.contains(29))
        search.record(accepted: 1, judged: 4)
        #expect(search.current == first && search.trials == 0)
        search.record(accepted: 1, judged: 4)
        #expect(search.trials == 1 && search.best == first && search.bestAcceptance == 0.25)
        let second = search.current
        #expect(second != first && second.count == 7 && first.subtracting(second).count == 1)
        // A worse candidate leaves the best set alone; a good enough one ends the search.
        search.record(accepted: 0, judged: 4)
        search.record(accepted: 0, judged: 4)
        #expect(search.best == first && search.trials == 2)
        let third = search.current
        search.record(accepted: 4, judged: 4)
        search.record(accepted: 4, judged: 4)
        #expect(search.best == third && !search.isSearching && search.current == third)
        search.record(accepted: 0, judged: 4)
        #expect(search.trials == 3)
    }

    /// Siblings drawn by `SiblingDrawing.draw` have the exact law each verifier assumes:
    /// ordered pairs q(a)q(b)/(1 − q(a)) without replacement, q(a)q(b) independently.
    @Test(arguments: SiblingDrawing.allCases)
    func siblingDrawsHaveTheExactLaw(drawing: SiblingDrawing) {
        let q = [0.2, 0.6, 0.2]
        let law = exactLaw { uniforms in drawing.draw(2, from: q, uniforms: &uniforms) }
        for a in 0..<3 {
            for b in 0..<3 {
                let expected = drawing == .independent ? q[a] * q[b] : (a == b ? 0 : q[a] * q[b] / (1 - q[a]))
                #expect(abs((law[[TokenID(a), TokenID(b)]] ?? 0) - expected) < 1e-12)
            }
        }
        var midpoint = ConstantUniform(value: 0.5)
        #expect(SiblingDrawing.withoutReplacement.draw(5, from: q, uniforms: &midpoint).count == 3)
    }
}
