import Testing
import Decoding
import Inference

/// The numbers of the speculation cost panel and `bench --strategy`: acceptance per draft
/// position from step traces, the verify-cost curve and the break-even MAT derived from them.
@Suite struct SpeculationMeasurementTests {
    /// A chain round: `accepted` of `drafted` drafts kept, then the target's own token.
    static func round(drafted: Int, accepted: Int, seconds: Double) -> StepTrace {
        let nodes = (0..<drafted).map { i in
            DraftTreeTrace.Node(token: TokenID(i + 1), parent: i == 0 ? nil : i - 1, p: 0.5, q: 0.5, r: nil,
                                verdict: i < accepted ? .accepted : (i == accepted ? .rejected : .untested))
        }
        let tokens = (0..<accepted).map { TracedToken(token: TokenID($0 + 1), source: .draftAccepted) }
            + [TracedToken(token: 9, source: accepted == drafted ? .bonus : .resampled)]
        return StepTrace(index: 0, generatedBefore: 0, tokens: tokens,
                         payload: .draftTree(DraftTreeTrace(nodes: nodes, acceptedPath: Array(0..<accepted), drafter: "test")),
                         targetEvaluations: 1, seconds: seconds)
    }

    @Test func acceptanceIsCountedPerDraftPosition() {
        let plain = StepTrace(index: 0, generatedBefore: 0, tokens: [TracedToken(token: 3, source: .greedy)],
                              payload: .draftTree(DraftTreeTrace(nodes: [], acceptedPath: [], drafter: "no match")), targetEvaluations: 1)
        let statistics = SpeculationStatistics(steps: [
            Self.round(drafted: 3, accepted: 3, seconds: 0), Self.round(drafted: 3, accepted: 1, seconds: 0),
            Self.round(drafted: 2, accepted: 0, seconds: 0), plain,
        ])
        // Position 1 is reached by the three drafted rounds, position 2 by the two that kept
        // their first draft, position 3 by the one that kept two.
        #expect(statistics.positionAcceptance == [2.0 / 3, 1.0 / 2, 1])
        #expect(statistics.rounds == 4 && statistics.drafted == 8 && statistics.tested == 6 && statistics.accepted == 4)
        #expect(abs(statistics.acceptanceRate - 4.0 / 6) < 1e-15)
    }

    static let curve = VerifyCost(seconds: [1: 0.010, 2: 0.011, 4: 0.013, 8: 0.020], context: 64)

    @Test func verifyCostInterpolatesBetweenMeasuredSizes() {
        #expect(abs((Self.curve.ratio(4) ?? 0) - 1.3) < 1e-12)
        #expect(abs((Self.curve.ratio(3) ?? 0) - 1.2) < 1e-12)
        // Beyond the last size, the slope of the last two continues.
        #expect(abs((Self.curve.ratio(16) ?? 0) - 3.4) < 1e-12)
        #expect(VerifyCost(seconds: [2: 0.01], context: 0).ratio(2) == nil)
    }

    /// With every round of one shape, the break-even MAT is the mean round time in plain steps.
    @Test func breakEvenIsTheRoundCostInPlainSteps() throws {
        let statistics = SpeculationStatistics(steps: [Self.round(drafted: 3, accepted: 1, seconds: 0.015),
                                                       Self.round(drafted: 3, accepted: 3, seconds: 0.017)])
        let cost = try #require(SpeculationCost(statistics: statistics, verifyCost: Self.curve, draftSize: 3))
        #expect(abs(cost.verifyRatio - 1.3) < 1e-12)
        #expect(abs(cost.perRound - 0.3) < 1e-12 && cost.perDraftedToken == 0, "a drafter without model passes pays per round")
        #expect(abs(cost.breakEven - 1.6) < 1e-12)
        #expect(SpeculationCost(statistics: SpeculationStatistics(), verifyCost: Self.curve, draftSize: 3) == nil)
    }

    /// Each round is charged the verify pass of its own size: a lookup that rarely drafts is
    /// not given a large per-token cost (its rounds without drafts are plain steps), and with a
    /// single round size a drafter that runs the model is charged per drafted token.
    @Test func otherWorkIsMeasuredAgainstEachRoundsOwnVerifyCost() throws {
        var rounds = (0..<9).map { _ in Self.round(drafted: 0, accepted: 0, seconds: 0.0105) }
        rounds.append(Self.round(drafted: 1, accepted: 1, seconds: 0.0115))
        let lookup = try #require(SpeculationCost(statistics: SpeculationStatistics(steps: rounds), verifyCost: Self.curve, draftSize: 1))
        #expect(abs(lookup.perRound - 0.05) < 1e-9 && abs(lookup.perDraftedToken) < 1e-9, "0.5 ms besides verification in every 10 ms round")
        #expect(abs(lookup.breakEven - 1.15) < 1e-9)

        var modelDrafted = Self.round(drafted: 2, accepted: 1, seconds: 0.0170)
        modelDrafted.draftEvaluations = 2
        let early = try #require(SpeculationCost(statistics: SpeculationStatistics(steps: [modelDrafted]), verifyCost: Self.curve, draftSize: 4))
        #expect(early.perRound == 0 && abs(early.perDraftedToken - 0.25) < 1e-9, "17 ms − T(3) 12 ms = 5 ms, half a T(1), over 2 drafted tokens")
        #expect(abs(early.breakEven - ((Self.curve.ratio(5) ?? 0) + 4 * 0.25)) < 1e-9)
    }

    /// Rounds of several sizes separate the fixed part from the part per drafted token: an
    /// early-exit drafter with 0.2 T(1) of sampling per round and 0.8 T(1) per drafted token.
    @Test func severalRoundSizesSeparateThePerRoundAndPerDraftParts() throws {
        let rounds = [1, 2, 2, 4].map { n in
            var round = Self.round(drafted: n, accepted: 0, seconds: 0.010 * ((Self.curve.ratio(n + 1) ?? 0) + 0.2 + 0.8 * Double(n)))
            round.draftEvaluations = n
            return round
        }
        let cost = try #require(SpeculationCost(statistics: SpeculationStatistics(steps: rounds), verifyCost: Self.curve, draftSize: 3))
        #expect(abs(cost.perRound - 0.2) < 1e-9 && abs(cost.perDraftedToken - 0.8) < 1e-9)
        #expect(abs(cost.breakEven - ((Self.curve.ratio(4) ?? 0) + 0.2 + 3 * 0.8)) < 1e-9)
    }

    @Test func verifyCostIsMeasuredOnTheModelAndLeavesTheCacheEmpty() throws {
        let model = ToyModel(seed: 1, contextLength: 64)
        let cost = try VerifyCost.measure(model: model, after: [1, 3, 6])
        #expect(Set(cost.seconds.keys) == Set(VerifyCost.panelSizes))
        #expect(cost.seconds.values.allSatisfy { $0 > 0 } && cost.context == 3)
        #expect(model.committedCount == 0)
        // One prefill, then an untimed round and five timed ones, each evaluating every size.
        #expect(model.evaluationCount == 1 + 6 * VerifyCost.panelSizes.count)
    }
}
