import Testing
import Decoding
import Inference

/// Exact tests (reference speculative.md Part 2.1): every draft outcome and every uniform cell is
/// enumerated, so the law of what a verifier emits is computed, not estimated.
@Suite struct SpeculativeVerifierTests {
    /// What one level of verification produced: its first emitted token and whether a draft was kept.
    struct FirstToken: Hashable {
        var token: TokenID
        var accepted: Bool
    }

    /// Draws `k` siblings from `q` (independently or without replacement), verifies them as
    /// children of the committed text, and reports the first emitted token.
    static func oneLevel(p: [Double], q: [Double], k: Int, drawing: SiblingDrawing, verifier: some DraftVerifier,
                         uniforms: inout EnumeratingUniforms) -> FirstToken {
        let tokens = drawing.draw(k, from: q, uniforms: &uniforms)
        let tree = DraftTree(nodes: tokens.map { .init(token: $0, parent: nil, proposal: 0) }, proposals: [q])
        let outcome = verifier.verify(tree, targets: Array(repeating: p, count: tokens.count + 1), uniforms: &uniforms)
        return FirstToken(token: outcome.emittedTokens[0], accepted: !outcome.acceptedPath.isEmpty)
    }

    static func law(p: [Double], q: [Double], k: Int, drawing: SiblingDrawing, verifier: some DraftVerifier)
        -> (tokens: [TokenID: Double], acceptance: Double) {
        let law = exactLaw { oneLevel(p: p, q: q, k: k, drawing: drawing, verifier: verifier, uniforms: &$0) }
        var tokens: [TokenID: Double] = [:]
        var acceptance = 0.0
        for (outcome, probability) in law {
            tokens[outcome.token, default: 0] += probability
            if outcome.accepted { acceptance += probability }
        }
        return (tokens, acceptance)
    }

    /// Random distributions with exact zeros, for the cases no hand-picked fixture covers.
    static func randomDistribution(size: Int, zeros: Int, random: inout SeededRandom) -> [Double] {
        var weights = (0..<size).map { _ in random.nextUniform() + 0.01 }
        for _ in 0..<zeros { weights[Int(random.next() % UInt64(size))] = 0 }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    static let p3 = [0.5, 0.3, 0.2], q3 = [0.2, 0.6, 0.2]
    static let p4 = [0.4, 0.3, 0.2, 0.1], q4 = [0.1, 0.2, 0.3, 0.4]

    @Test func helpersMatchCardOne() {
        #expect(SpeculativeMath.acceptanceProbability(p: 0.5, q: 0.2) == 1)
        #expect(SpeculativeMath.acceptanceProbability(p: 0.3, q: 0.6) == 0.5)
        #expect(SpeculativeMath.acceptanceProbability(p: 0.3, q: 0) == 0)
        #expect(SpeculativeMath.residual(target: Self.p3, proposal: Self.q3) == [1, 0, 0])
        let residual = SpeculativeMath.residual(target: Self.p4, proposal: Self.q4)
        #expect(zip(residual, [0.75, 0.25, 0, 0]).allSatisfy { abs($0 - $1) < 1e-15 })
    }

    @Test func chainOfOneDraftEmitsExactlyTheTarget() {
        let result = Self.law(p: Self.p3, q: Self.q3, k: 1, drawing: .independent, verifier: RecursiveRejectionVerifier(siblings: .independent))
        #expect(maxDeviation(result.tokens, from: Self.p3) < 1e-12)
        #expect(abs(result.acceptance - 0.7) < 1e-12)
    }

    @Test func rejectionShowsRatioUniformAndResidual() {
        // r = 0.9 rejects token 1 (p/q = 0.5); the residual is all on token 0, which is emitted.
        var uniforms = ConstantUniform(value: 0.9)
        let tree = DraftTree.chain([1], proposals: [Self.q3])
        let outcome = RecursiveRejectionVerifier(siblings: .independent).verify(tree, targets: [Self.p3, Self.p3], uniforms: &uniforms)
        let node = outcome.nodes[0]
        #expect(node.verdict == .rejected)
        #expect(node.p == 0.3 && node.q == 0.6 && node.ratio == 0.5 && node.r == 0.9)
        #expect(node.residualTop.map(\.token) == [0] && node.residualTop.map(\.probability) == [1])
        #expect(outcome.finalToken == TracedToken(token: 0, source: .resampled, probability: 1))
        #expect(outcome.emittedTokens == [0])
    }

    @Test func acceptedChainEndsWithBonusFromTheLeafTarget() {
        var uniforms = ConstantUniform(value: 0.1)
        let afterLeaf = [0.0, 0.0, 1.0]
        let tree = DraftTree.chain([0, 1], proposals: [Self.q3, Self.q3])
        let outcome = RecursiveRejectionVerifier(siblings: .independent).verify(tree, targets: [Self.p3, Self.p3, afterLeaf], uniforms: &uniforms)
        #expect(outcome.acceptedPath == [0, 1])
        #expect(outcome.nodes.map(\.verdict) == [.accepted, .accepted])
        #expect(outcome.finalToken == TracedToken(token: 2, source: .bonus, probability: 1))
        #expect(outcome.emittedTokens == [0, 1, 2])
    }

    @Test(arguments: [(Self.p3, Self.q3, 19.0 / 25), (Self.p4, Self.q4, 18.0 / 25)])
    func specInferSiblingsEmitExactlyTheTarget(p: [Double], q: [Double], acceptance: Double) {
        let result = Self.law(p: p, q: q, k: 2, drawing: .independent, verifier: RecursiveRejectionVerifier(siblings: .independent))
        #expect(maxDeviation(result.tokens, from: p) < 1e-12)
        #expect(abs(result.acceptance - acceptance) < 1e-12)
    }

    @Test func specInferResidualsAfterEachRejection() {
        var uniforms = ConstantUniform(value: 0.999)
        let tree = DraftTree(nodes: [.init(token: 3, parent: nil, proposal: 0), .init(token: 2, parent: nil, proposal: 0)], proposals: [Self.q4])
        let outcome = RecursiveRejectionVerifier(siblings: .independent).verify(tree, targets: [Self.p4, Self.p4, Self.p4], uniforms: &uniforms)
        #expect(outcome.nodes.map(\.verdict) == [.rejected, .rejected])
        let first = outcome.nodes[0].residualTop.map(\.probability), second = outcome.nodes[1].residualTop.map(\.probability)
        #expect(zip(first, [0.75, 0.25]).allSatisfy { abs($0 - $1) < 1e-12 } && first.count == 2)
        #expect(zip(second, [13.0 / 14, 1.0 / 14]).allSatisfy { abs($0 - $1) < 1e-12 } && second.count == 2)
    }

    @Test(arguments: [(Self.p3, Self.q3, 17.0 / 20), (Self.p4, Self.q4, 107.0 / 140)])
    func siblingsWithoutReplacementEmitExactlyTheTarget(p: [Double], q: [Double], acceptance: Double) {
        let result = Self.law(p: p, q: q, k: 2, drawing: .withoutReplacement, verifier: RecursiveRejectionVerifier(siblings: .withoutReplacement))
        #expect(maxDeviation(result.tokens, from: p) < 1e-12)
        #expect(abs(result.acceptance - acceptance) < 1e-12)
    }

    @Test func withoutReplacementPathFixture() {
        // Card 3b: siblings 3 then 2; a1 = 1/4, q2 = [1/6, 1/3, 1/2, 0], a2 = 0, emit token 0.
        var uniforms = ConstantUniform(value: 0.5)
        let tree = DraftTree(nodes: [.init(token: 3, parent: nil, proposal: 0), .init(token: 2, parent: nil, proposal: 0)], proposals: [Self.q4])
        let outcome = RecursiveRejectionVerifier(siblings: .withoutReplacement).verify(tree, targets: [Self.p4, Self.p4, Self.p4], uniforms: &uniforms)
        let first = outcome.nodes[0], second = outcome.nodes[1]
        #expect(first.verdict == .rejected && abs((first.ratio ?? 0) - 0.25) < 1e-15)
        #expect(second.verdict == .rejected && second.p == 0 && abs((second.q ?? 0) - 0.5) < 1e-15)
        #expect(second.residualTop.map(\.token) == [0])
        #expect(outcome.finalToken.token == 0 && outcome.finalToken.source == .resampled)
    }

    /// The reference's bug fixture: siblings drawn without replacement but judged against the
    /// unmasked q. Exact enumeration must expose it, while the correct rule stays exact.
    @Test func withoutReplacementDraftsJudgedAsIndependentAreDetected() {
        var random = SeededRandom(seed: 6)
        var errors: [Double] = []
        for _ in 0..<3 {
            let p = Self.randomDistribution(size: 6, zeros: 1, random: &random)
            let q = Self.randomDistribution(size: 6, zeros: 1, random: &random)
            let right = Self.law(p: p, q: q, k: 3, drawing: .withoutReplacement, verifier: RecursiveRejectionVerifier(siblings: .withoutReplacement))
            let wrong = Self.law(p: p, q: q, k: 3, drawing: .withoutReplacement, verifier: RecursiveRejectionVerifier(siblings: .independent))
            #expect(maxDeviation(right.tokens, from: p) < 1e-12)
            errors.append(totalVariation(wrong.tokens, from: p))
        }
        #expect(errors.allSatisfy { $0 > 1e-3 }, "TV errors of the buggy rule: \(errors)")
    }

    @Test func randomPairsWithZerosStayExactForEveryRule() {
        var random = SeededRandom(seed: 42)
        for round in 0..<6 {
            let size = 3 + round % 3
            let p = Self.randomDistribution(size: size, zeros: 1, random: &random)
            // Include q = p and q with mass where p has none.
            let q = round == 0 ? p : Self.randomDistribution(size: size, zeros: round % 2, random: &random)
            for k in 1...3 {
                for drawing in SiblingDrawing.allCases {
                    let result = Self.law(p: p, q: q, k: k, drawing: drawing, verifier: RecursiveRejectionVerifier(siblings: drawing))
                    #expect(maxDeviation(result.tokens, from: p) < 1e-12, "k \(k) \(drawing) p \(p) q \(q)")
                }
                let single = Self.law(p: p, q: q, k: 1, drawing: .independent, verifier: RecursiveRejectionVerifier(siblings: .independent))
                let beta = zip(p, q).map { min($0, $1) }.reduce(0, +)
                #expect(abs(single.acceptance - beta) < 1e-12)
            }
        }
    }

    /// Card 2: p = [.5, .3, .2] with deterministic sibling guesses 1 then 0.
    static func guessesLaw(verifier: some DraftVerifier) -> (tokens: [TokenID: Double], acceptance: Double) {
        let tree = DraftTree(nodes: [.init(token: 1, parent: nil, proposal: nil), .init(token: 0, parent: nil, proposal: nil)])
        let law = exactLaw { uniforms in
            let outcome = verifier.verify(tree, targets: Array(repeating: Self.p3, count: 3), uniforms: &uniforms)
            return FirstToken(token: outcome.emittedTokens[0], accepted: !outcome.acceptedPath.isEmpty)
        }
        var tokens: [TokenID: Double] = [:]
        var acceptance = 0.0
        for (outcome, probability) in law {
            tokens[outcome.token, default: 0] += probability
            if outcome.accepted { acceptance += probability }
        }
        return (tokens, acceptance)
    }

    @Test func oneHotRejectionAcrossSiblingGuesses() {
        let result = Self.guessesLaw(verifier: RecursiveRejectionVerifier(siblings: .independent))
        #expect(maxDeviation(result.tokens, from: Self.p3) < 1e-12)
        #expect(abs(result.acceptance - 0.8) < 1e-12)
        var uniforms = ConstantUniform(value: 0.95)
        let tree = DraftTree(nodes: [.init(token: 1, parent: nil, proposal: nil), .init(token: 0, parent: nil, proposal: nil)])
        let outcome = RecursiveRejectionVerifier(siblings: .independent).verify(tree, targets: Array(repeating: Self.p3, count: 3), uniforms: &uniforms)
        let residual = outcome.nodes[0].residualTop.map(\.probability)
        #expect(outcome.nodes[0].q == nil)
        #expect(zip(residual, [0.5 / 0.7, 0.2 / 0.7]).allSatisfy { abs($0 - $1) < 1e-15 })
    }

    @Test func sampleAndMatchEmitsExactlyTheTarget() {
        let result = Self.guessesLaw(verifier: SampleAndMatchVerifier())
        #expect(maxDeviation(result.tokens, from: Self.p3) < 1e-12)
        #expect(abs(result.acceptance - 0.8) < 1e-12)
    }

    @Test func greedyKeepsTheLongestArgmaxPrefixThenCorrects() {
        var uniforms = ConstantUniform(value: 0.5)
        let tree = DraftTree.chain([0, 2, 0])
        let targets = [[0.6, 0.3, 0.1], [0.2, 0.1, 0.7], [0.3, 0.4, 0.3], [1.0, 0, 0]]
        let outcome = GreedyVerifier().verify(tree, targets: targets, uniforms: &uniforms)
        #expect(outcome.acceptedPath == [0, 1])
        #expect(outcome.nodes.map(\.verdict) == [.accepted, .accepted, .rejected])
        #expect(outcome.finalToken == TracedToken(token: 1, source: .greedy, probability: 0.4))
        let allAccepted = GreedyVerifier().verify(DraftTree.chain([0, 2, 1, 0]), targets: targets + [[0, 0, 1]], uniforms: &uniforms)
        #expect(allAccepted.emittedTokens == [0, 2, 1, 0, 2] && allAccepted.finalToken.source == .bonus)
    }

    /// Several rounds of two-token chains on bigram tables: the exact law of the first three
    /// emitted tokens (bonus tokens, deeper levels and round boundaries included) must be the
    /// product of the target's conditionals.
    static let targetTable = [[0.2, 0.5, 0.3], [0.1, 0.6, 0.3], [0.3, 0.3, 0.4]]
    static let draftTable = [[0.2, 0.6, 0.2], [0.3, 0.3, 0.4], [0.6, 0.2, 0.2]]

    static func firstThreeTokens(verifier: some DraftVerifier, sampledDrafts: Bool, uniforms: inout EnumeratingUniforms) -> [TokenID] {
        var text: [TokenID] = [0]
        while text.count < 4 {
            var drafts: [TokenID] = []
            var proposals: [[Double]] = []
            var last = text[text.count - 1]
            for _ in 0..<2 {
                let q = draftTable[Int(last)]
                last = sampledDrafts ? TokenID(uniforms.draw(weights: q).index) : SpeculativeMath.argmax(q)
                drafts.append(last)
                proposals.append(q)
            }
            let tree = sampledDrafts ? DraftTree.chain(drafts, proposals: proposals) : DraftTree.chain(drafts)
            let targets = ([text[text.count - 1]] + drafts).map { targetTable[Int($0)] }
            text += verifier.verify(tree, targets: targets, uniforms: &uniforms).emittedTokens
        }
        return Array(text[1..<4])
    }

    @Test(arguments: [(true, false), (false, false), (false, true)])
    func multiRoundChainsEmitTheTargetSequenceLaw(sampledDrafts: Bool, sampleAndMatch: Bool) {
        let law = sampleAndMatch
            ? exactLaw { Self.firstThreeTokens(verifier: SampleAndMatchVerifier(), sampledDrafts: sampledDrafts, uniforms: &$0) }
            : exactLaw { Self.firstThreeTokens(verifier: RecursiveRejectionVerifier(siblings: .independent), sampledDrafts: sampledDrafts, uniforms: &$0) }
        for a in 0..<3 {
            for b in 0..<3 {
                for c in 0..<3 {
                    let expected = Self.targetTable[0][a] * Self.targetTable[a][b] * Self.targetTable[b][c]
                    #expect(abs((law[[TokenID(a), TokenID(b), TokenID(c)]] ?? 0) - expected) < 1e-12)
                }
            }
        }
    }

    @Test func multiRoundGreedyIsTheGreedySequence() {
        let law = exactLaw { Self.firstThreeTokens(verifier: GreedyVerifier(), sampledDrafts: false, uniforms: &$0) }
        // Drafts from 0 are 1, 2 (draft argmaxes); the target keeps 1, corrects 2 to 1, then 1.
        #expect(law == [[1, 1, 1]: 1])
    }
}
