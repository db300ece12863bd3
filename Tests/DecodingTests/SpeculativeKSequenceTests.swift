import Testing
import Decoding
import Inference

/// SpecTr's K-SEQ verifier by exact enumeration (reference Card 3c and Part 2.1): ρ* and the
/// acceptance against the card's computed numbers, and the emitted token's law equal to p for
/// every draw of k independent siblings and every uniform cell.
@Suite struct SpeculativeKSequenceTests {
    static let p3 = SpeculativeVerifierTests.p3, q3 = SpeculativeVerifierTests.q3
    static let p4 = SpeculativeVerifierTests.p4, q4 = SpeculativeVerifierTests.q4

    static func law(p: [Double], q: [Double], k: Int) -> (tokens: [TokenID: Double], acceptance: Double) {
        SpeculativeVerifierTests.law(p: p, q: q, k: k, drawing: .independent, verifier: KSequenceVerifier())
    }

    @Test func rhoAndAcceptanceMatchCardThreeC() {
        let first = KSequenceRule(target: Self.p3, proposal: Self.q3, draws: 2)
        #expect(abs(first.rho - 1.45678) < 5e-6)
        #expect(abs(first.drawAcceptance - 0.54322) < 5e-6)
        #expect(abs(first.acceptance - 0.79136) < 5e-6)
        #expect(first.residual(target: Self.p3, proposal: Self.q3) == [1, 0, 0])
        let second = KSequenceRule(target: Self.p4, proposal: Self.q4, draws: 2)
        #expect(abs(second.rho - 1.5) < 1e-12)
        #expect(abs(second.acceptance - 0.75) < 1e-12)
    }

    @Test(arguments: [(Self.p3, Self.q3, 0.79136), (Self.p4, Self.q4, 0.75)])
    func twoSiblingsEmitExactlyTheTarget(p: [Double], q: [Double], acceptance: Double) {
        let result = Self.law(p: p, q: q, k: 2)
        #expect(maxDeviation(result.tokens, from: p) < 1e-12)
        #expect(abs(result.acceptance - acceptance) < 5e-6)
        // The enumerated acceptance is the rule's own 1 − (1 − β)^k.
        #expect(abs(result.acceptance - KSequenceRule(target: p, proposal: q, draws: 2).acceptance) < 1e-12)
    }

    @Test func oneSiblingIsOrdinarySpeculativeSampling() {
        let rule = KSequenceRule(target: Self.p3, proposal: Self.q3, draws: 1)
        #expect(rule.rho == 1)
        let result = Self.law(p: Self.p3, q: Self.q3, k: 1)
        #expect(maxDeviation(result.tokens, from: Self.p3) < 1e-12)
        #expect(abs(result.acceptance - 0.7) < 1e-12)
    }

    @Test func randomPairsWithZerosStayExact() {
        var random = SeededRandom(seed: 7)
        for round in 0..<8 {
            let size = 3 + round % 4
            let p = SpeculativeVerifierTests.randomDistribution(size: size, zeros: 1, random: &random)
            // q = p, q with mass where p has none, and q missing tokens p needs.
            let q = round == 0 ? p : SpeculativeVerifierTests.randomDistribution(size: size, zeros: round % 3, random: &random)
            for k in 1...4 {
                let result = Self.law(p: p, q: q, k: k)
                #expect(maxDeviation(result.tokens, from: p) < 1e-12, "k \(k) p \(p) q \(q)")
                let rule = KSequenceRule(target: p, proposal: q, draws: k)
                #expect(rule.rho >= 1 && rule.rho <= Double(k))
                #expect(abs(result.acceptance - rule.acceptance) < 1e-12)
            }
        }
    }

    /// Keeping draws with the unscaled ratio p/q (ρ = 1) but the K-SEQ residual is the mistake
    /// the scale exists to prevent: accepted mass exceeds p on tokens q favours.
    @Test func unscaledRatioIsNotExact() {
        let k = 2
        let law = exactLaw { uniforms -> TokenID in
            let drafts = SiblingDrawing.independent.draw(k, from: Self.q3, uniforms: &uniforms)
            for token in drafts where uniforms.trial(probability: SpeculativeMath.acceptanceProbability(p: Self.p3[Int(token)], q: Self.q3[Int(token)])).success {
                return token
            }
            return TokenID(uniforms.draw(weights: SpeculativeMath.residual(target: Self.p3, proposal: Self.q3)).index)
        }
        #expect(totalVariation(law, from: Self.p3) > 0.05)
    }

    @Test func deterministicSiblingsFallBackToOneHotRejection() {
        let tree = DraftTree(nodes: [.init(token: 1, parent: nil, proposal: nil), .init(token: 0, parent: nil, proposal: nil)])
        let law = exactLaw { uniforms in
            KSequenceVerifier().verify(tree, targets: Array(repeating: Self.p3, count: 3), uniforms: &uniforms).emittedTokens[0]
        }
        #expect(maxDeviation(law, from: Self.p3) < 1e-12)
    }

    @Test func rejectionShowsTheScaledResidual() {
        // Both siblings are token 1 (p/(ρq) = 0.3/(1.457·0.6) ≈ 0.34): r = 0.9 rejects them.
        var uniforms = ConstantUniform(value: 0.9)
        let tree = DraftTree(nodes: [.init(token: 1, parent: nil, proposal: 0), .init(token: 1, parent: nil, proposal: 0)], proposals: [Self.q3])
        let outcome = KSequenceVerifier().verify(tree, targets: Array(repeating: Self.p3, count: 3), uniforms: &uniforms)
        #expect(outcome.nodes.map(\.verdict) == [.rejected, .rejected])
        #expect(outcome.nodes[0].p == 0.3 && outcome.nodes[0].q == 0.6 && outcome.nodes[0].r == 0.9)
        #expect(outcome.nodes[1].residualTop.map(\.token) == [0])
        #expect(outcome.finalToken == TracedToken(token: 0, source: .resampled, probability: 1))
    }
}
