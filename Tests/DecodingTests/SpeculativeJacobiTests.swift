import Testing
import Decoding
import Inference

/// Speculative Jacobi decoding (reference speculative.md Card 12): the window's guesses, drawn
/// from the previous pass's rows, verified as a chain. Exact laws by enumerating every draw.
@Suite struct SpeculativeJacobiTests {
    static let p1 = [0.5, 0.3, 0.2], q1 = [0.2, 0.6, 0.2]

    /// Card 12's worked example: guess 1 drawn from the previous iterate's q1 = [.2, .6, .2],
    /// judged against p1 = [.5, .3, .2]: kept with probability 0.5, residual [1, 0, 0].
    @Test func cardTwelveWorkedExample() {
        let window = SpeculativeJacobiWindow(guesses: [
            .init(token: 1, proposal: Self.q1), .init(token: 2, proposal: [0, 0, 1]),
        ])
        let tree = window.chain(limit: 2)
        let verifier = RecursiveRejectionVerifier(siblings: .independent)
        let law = exactLaw { uniforms -> Bool in
            !verifier.verify(tree, targets: [Self.p1, Self.p1, Self.p1], uniforms: &uniforms).acceptedPath.isEmpty
        }
        #expect(abs((law[true] ?? 0) - 0.5) < 1e-12)

        var reject = ConstantUniform(value: 0.9)
        let outcome = verifier.verify(tree, targets: [Self.p1, Self.p1, Self.p1], uniforms: &reject)
        #expect(outcome.nodes[0].q == 0.6 && outcome.nodes[0].ratio == 0.5 && outcome.nodes[0].verdict == .rejected)
        #expect(outcome.nodes[0].residualTop.map(\.token) == [0] && outcome.nodes[0].residualTop.map(\.probability) == [1])
        #expect(outcome.emittedTokens == [0])
    }

    /// A bigram "target" over three tokens, with a zero, and a different "previous pass" table.
    static let target: [[Double]] = [[0.5, 0.3, 0.2], [0.1, 0.0, 0.9], [0.3, 0.4, 0.3]]
    static let previousPass: [[Double]] = [[0.2, 0.6, 0.2], [0.0, 0.5, 0.5], [0.7, 0.1, 0.2]]
    static let prompt: [TokenID] = [0, 2, 1, 0]

    static func rows(after text: [TokenID], guesses: [TokenID], table: [[Double]]) -> [[Double]] {
        (0...guesses.count).map { count in table[Int((text + guesses.prefix(count)).last ?? 0)] }
    }

    /// Rounds of the window as the strategy runs them (chain verification, then the next iterate
    /// from the pass's rows) until `length` tokens are out. The first window is drawn from a
    /// previous pass that disagrees with the target.
    static func firstTokens(length: Int, width: Int, guessing: SpeculativeJacobiWindow.Guessing, uniforms: inout EnumeratingUniforms) -> [TokenID] {
        let verifier = RecursiveRejectionVerifier(siblings: .independent)
        var window = SpeculativeJacobiWindow()
        let earlier = rows(after: prompt, guesses: Array(repeating: 1, count: width), table: previousPass)
        window.advance(evaluated: 0, committed: 1, targets: earlier, text: prompt, width: width,
                       guessing: guessing, isCopyable: { _ in true }, uniforms: &uniforms)
        var text = prompt
        while text.count < prompt.count + length {
            let tree = window.chain(limit: width)
            let targets = rows(after: text, guesses: tree.nodes.map(\.token), table: target)
            let emitted = verifier.verify(tree, targets: targets, uniforms: &uniforms).emittedTokens
            text += emitted
            window.advance(evaluated: tree.nodes.count, committed: emitted.count, targets: targets, text: text, width: width,
                           guessing: guessing, isCopyable: { _ in true }, uniforms: &uniforms)
        }
        return Array(text[prompt.count..<(prompt.count + length)])
    }

    /// The exact joint law of the first three tokens over several rounds equals the product of
    /// the target's conditionals: pure SJD with new positions guessed by prompt lookup (one-hot
    /// q) or drawn from the last row (lookup disabled), and lookup leading the window.
    @Test(arguments: [(3, false), (0, false), (3, true)])
    func roundsEmitExactlyTheTargetLaw(lookupLength: Int, lookupLeads: Bool) {
        let guessing = SpeculativeJacobiWindow.Guessing(
            lookup: PromptLookupDrafter(maxNgramSize: 2, draftLength: lookupLength), lookupLeads: lookupLeads, greedy: false)
        let law = exactLaw { Self.firstTokens(length: 3, width: 2, guessing: guessing, uniforms: &$0) }
        var deviation = 0.0
        for a in 0..<3 { for b in 0..<3 { for c in 0..<3 {
            let outcome = [TokenID(a), TokenID(b), TokenID(c)]
            let exact = Self.target[Int(Self.prompt.last ?? 0)][a] * Self.target[a][b] * Self.target[b][c]
            deviation = max(deviation, abs((law[outcome] ?? 0) - exact))
        } } }
        #expect(deviation < 1e-12)
        #expect(abs(law.values.reduce(0, +) - 1) < 1e-12)
    }

    /// The next iterate: uncommitted positions redrawn from the pass's rows (their q), the rest
    /// of the window guessed by lookup, then drawn from the last row; or lookup in front.
    @Test func advanceRedrawsUncommittedPositionsAndGuessesNewOnes() {
        var window = SpeculativeJacobiWindow(guesses: [
            .init(token: 0, proposal: nil), .init(token: 1, proposal: nil), .init(token: 2, proposal: nil),
        ])
        let rows: [[Double]] = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [0, 1, 0]]
        var uniforms = ConstantUniform(value: 0.5)
        func guessing(ngram: Int = 3, length: Int = 3, leads: Bool = false, greedy: Bool = false) -> SpeculativeJacobiWindow.Guessing {
            .init(lookup: PromptLookupDrafter(maxNgramSize: ngram, draftLength: length), lookupLeads: leads, greedy: greedy)
        }
        // One token committed: rows 1...3 give positions 2...4, now columns 0...2.
        var redraws = window.advance(evaluated: 3, committed: 1, targets: rows, text: [0, 0], width: 3,
                                     guessing: guessing(), isCopyable: { _ in true }, uniforms: &uniforms)
        #expect(window.guesses.map(\.token) == [1, 2, 1] && redraws == [1, 2, 1])
        #expect(window.guesses.map(\.proposal) == [rows[1], rows[2], rows[3]])
        #expect(window.guesses.map(\.previous) == [1, 2, nil])

        // All three accepted plus a bonus: no row is left, lookup copies what followed "2 1"
        // up to a token it may not copy, and the last row fills the rest.
        redraws = window.advance(evaluated: 3, committed: 4, targets: rows, text: [2, 1, 0, 2, 1], width: 3,
                                 guessing: guessing(ngram: 2), isCopyable: { $0 != 2 }, uniforms: &uniforms)
        #expect(window.guesses.map(\.token) == [0, 1, 1] && redraws == [nil, nil, nil])
        #expect(window.guesses.map { $0.proposal == nil } == [true, false, false])
        #expect(window.guesses.allSatisfy { $0.previous == nil })

        // Greedy: argmaxes with one-hot q.
        redraws = window.advance(evaluated: 3, committed: 2, targets: rows, text: [0], width: 3,
                                 guessing: guessing(length: 0, greedy: true), isCopyable: { _ in true }, uniforms: &uniforms)
        #expect(window.guesses.map(\.token) == [2, 1, 1] && redraws == [nil, 2, 1])
        #expect(window.guesses.allSatisfy { $0.proposal == nil })
        #expect(window.guesses.map(\.previous) == [1, nil, nil])

        // Lookup leading: the text's continuation of "2 1" replaces the redraws.
        redraws = window.advance(evaluated: 3, committed: 1, targets: rows, text: [2, 1, 0, 2, 1], width: 4,
                                 guessing: guessing(ngram: 2, leads: true), isCopyable: { _ in true }, uniforms: &uniforms)
        #expect(window.guesses.map(\.token) == [0, 2, 1, 0] && redraws == [nil, nil, nil])
        #expect(window.guesses.allSatisfy { $0.proposal == nil })
    }

    /// On the ToyModel through the real loop, pure SJD at a fixed width: every step shows its
    /// window as a Jacobi grid whose next iterate is what the following step evaluates, with
    /// p/q/r consistent with each verdict.
    @Test func traceShowsTheJacobiIteration() throws {
        var parameters = DecodingParameters()
        parameters.sampler = SamplerSettings.unfiltered
        parameters.sampler.logitBias = [ToyVocabulary.endToken: -50]
        parameters.set(SpeculativeParameters.lookupLeads.name, to: 0)
        parameters.set(SpeculativeParameters.adaptiveDraft.name, to: 0)
        var strategy = try StrategyCatalog.make(SpeculativeJacobiStrategy.descriptor.name, parameters: parameters)
        let run = try decode(&strategy, model: ToyModel(seed: 2, contextLength: 128), prompt: [1, 3, 6, 9, 1, 11], maxNewTokens: 60, seed: 5)
        var grids: [(JacobiGridTrace, committed: Int)] = []
        var sampledAccepted = 0
        for step in run.steps {
            guard case .draftTree(let tree) = step.payload, let grid = tree.jacobi else { Issue.record("expected a Jacobi grid"); continue }
            #expect(grid.levels == [tree.nodes.map(\.token)])
            #expect(grid.accepted == tree.acceptedPath.count)
            for node in tree.nodes where node.verdict != .untested {
                guard let q = node.q, let r = node.r else { continue }
                #expect((r < min(1, node.p / q)) == (node.verdict == .accepted))
                if node.verdict == .accepted { sampledAccepted += 1 }
            }
            grids.append((grid, step.tokens.filter(\.source.isCommitted).count))
        }
        // Far from the budget, position i of a step is column i + committed of the step before.
        for ((before, committed), (after, _)) in zip(grids, grids.dropFirst()).dropLast(4) {
            let width = after.levels[0].count
            #expect(width == 3)
            for column in 0..<width where column + committed < before.levels[0].count {
                #expect(after.previous?[column] == before.levels[0][column + committed])
                #expect(after.levels[0][column] == before.next[column + committed - 1])
            }
        }
        #expect(sampledAccepted > 5)
    }
}
