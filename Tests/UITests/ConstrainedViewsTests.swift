import Decoding
import Inference
import Testing
import UI

/// The constrained family's inspector views and timeline rows against hand-made traces, at the
/// inspector widths of 120x40 (52 inner columns) and 80x24 (34), and at tiny sizes.
@Suite struct ConstrainedViewsTests {
    let vocabulary = TestVocabulary()

    func render(_ payload: StepPayload, width: Int = 56, height: Int = 16, tokens: [TracedToken] = []) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: Size(width: width, height: height))
        let step = StepTrace(index: 4, generatedBefore: 9, tokens: tokens, payload: payload, targetEvaluations: 1)
        InspectorPane(step: step, selected: nil, vocabulary: vocabulary, focused: false)
            .render(into: &buffer, area: Rect(x: 0, y: 0, width: width, height: height), theme: .monochrome)
        return buffer
    }

    /// The worked example of reference/constrained.md 1.4: p = {a .4, b .3, c .2, d .1},
    /// allowed {b, d}: Z = 0.4, q = {b .75, d .25}. Tokens: a = ␣cat, b = ␣sat, c = ␣on, d = ␣mat.
    var maskedStep: DistributionTrace {
        DistributionTrace(
            stages: [StageView(stage: "masked", label: "masked", top: [TokenProbability(token: 2, logit: 0, probability: 0.75),
                                                                      TokenProbability(token: 5, logit: 0, probability: 0.25)],
                               candidateCount: 2, entropy: 0.562, varentropy: 0.1)],
            chosen: 2, entropy: 0.562, varentropy: 0.1, uniform: 0.3)
    }

    @Test func fullMaskShowsTheAllowedShareAndTheWeights() {
        let trace = MaskTrace(allowedCount: 2, vocabularySize: 11, tested: [], maskedMass: 0.6, distribution: maskedStep,
                              stepLogWeight: -0.916290731874155, cumulativeLogWeight: -4.21)
        let buffer = render(.mask(trace))
        assertSnapshot(buffer, named: "inspector-mask-weighted")
        #expect(buffer.line(2).contains("mask 2/11 allowed (18.2%) · masked 0.600"))
        #expect(buffer.line(3).contains("log w -0.916 (w 0.400) · Σ log w -4.210"))
        #expect(buffer.text.contains("75.0%"))
    }

    @Test func theNarrowInspectorKeepsTheNumbersThatMatter() {
        let trace = MaskTrace(allowedCount: 312, vocabularySize: 49152, tested: [], maskedMass: 0.42, distribution: maskedStep,
                              stepLogWeight: -0.5447271754416722, cumulativeLogWeight: -4.21)
        let buffer = render(.mask(trace), width: 36)
        assertSnapshot(buffer, named: "inspector-mask-34")
        #expect(buffer.line(2) == "│mask 312/49152 allowed (0.6%)     │")
        #expect(buffer.line(3) == "│log w -0.545 · Σ -4.210           │")
        let awrs = MaskTrace(allowedCount: nil, vocabularySize: 49152, tested: (0..<3823).map {
            .init(token: TokenID($0 % 10), probability: $0 == 3822 ? 0.01 : 0.99 / 3822, allowed: $0 == 3822)
        }, maskedMass: nil, distribution: nil)
        let narrow = render(.mask(awrs), width: 36)
        #expect(narrow.line(2) == "│checked 3823 of 49152             │")
        #expect(narrow.line(3) == "│rejected 3822 (p 0.990)           │")
    }

    @Test func adaptiveRejectionShowsChecksInsteadOfAFullMask() {
        // Run A of the worked example: a ✗, c ✗, b ✓; weight 2/15.
        let trace = MaskTrace(allowedCount: nil, vocabularySize: 49152, tested: [
            .init(token: 1, probability: 0.4, allowed: false), .init(token: 3, probability: 0.2, allowed: false),
            .init(token: 2, probability: 0.3, allowed: true),
        ], maskedMass: nil, distribution: nil, stepLogWeight: -2.0149030205422647, cumulativeLogWeight: -2.0149030205422647)
        let buffer = render(.mask(trace))
        assertSnapshot(buffer, named: "inspector-mask-awrs")
        #expect(buffer.line(2).contains("checked 3 of 49152 (no full mask)"))
        #expect(buffer.line(3).contains("(w 0.133)"))
        #expect(buffer.line(4).contains("tested 3 · rejected 2 (p 0.600)"))
        #expect(buffer.line(5).contains("✗ ␣cat") && buffer.line(7).contains("✓ ␣sat"))
    }

    @Test func longTestListsSayHowManyDidNotFit() {
        let tested = (0..<30).map { MaskTrace.TestedToken(token: TokenID($0 % 10), probability: 0.01, allowed: $0 == 29) }
        let trace = MaskTrace(allowedCount: nil, vocabularySize: 11, tested: tested, maskedMass: nil, distribution: maskedStep)
        let buffer = render(.mask(trace))
        #expect(buffer.text.contains("more tested"))
        #expect(buffer.text.contains("masked  n 2"), "the sampled distribution keeps its place")
    }

    @Test func alignmentShowsTheTrieEstimatesAlongThePath() {
        // The ASAp toy of the reference at iteration 2: the root's q = {3/23, 20/23}.
        let alignment = AlignmentTrace(iteration: 1, prefixEstimate: 0.46, choices: [
            .init(token: 2, rawProbability: 0.5, estimate: 0.8, adjustedProbability: 20.0 / 23),
            .init(token: 1, rawProbability: 0.3, estimate: 0.2, adjustedProbability: 3.0 / 23),
        ], chosen: 1)
        let trace = MaskTrace(allowedCount: 2, vocabularySize: 11, tested: [], maskedMass: 0.2, distribution: maskedStep, alignment: alignment)
        let buffer = render(.mask(trace))
        assertSnapshot(buffer, named: "inspector-alignment")
        #expect(buffer.text.contains("ASAp sample 2 · ẼFG(prefix) 0.460"))
        #expect(buffer.text.contains("  ␣sat            0.500  0.800  0.870"))
        #expect(buffer.text.contains("▸ ␣cat            0.300  0.200  0.130"))
    }

    var particles: ParticleTrace {
        ParticleTrace(particles: [
            .init(tail: [1, 2, 3, 4, 5], logWeight: -1.2, normalizedWeight: 0.55, ancestor: 2, finished: false, stepLogWeight: -0.4, checks: 3),
            .init(tail: [8, 2], logWeight: -1.6, normalizedWeight: 0.37, ancestor: 2, finished: true, stepLogWeight: -0.9, checks: 5),
            .init(tail: [1, 6], logWeight: -3.7, normalizedWeight: 0.08, ancestor: 0, finished: false, stepLogWeight: -2.1, checks: 2),
            .init(tail: [9], logWeight: -.infinity, normalizedWeight: 0, ancestor: nil, finished: false, stepLogWeight: -.infinity, checks: 11),
        ], effectiveSampleSize: 2.31, resampled: true, resampleBelow: 3.2, logNormalizer: -2.0)
    }

    @Test func particleTableShowsStateAncestryWeightsAndTails() {
        let buffer = render(.particles(particles))
        assertSnapshot(buffer, named: "inspector-particles-smc")
        #expect(buffer.line(2).contains("4 particles · ESS 2.31 < 3.20 → resampled"))
        #expect(buffer.line(3).contains("log Ẑ -2.000 · 21 checks (4 full masks: 44) · 1 dead"))
        #expect(buffer.line(5).hasPrefix("│ 0 live ←2"))
        #expect(buffer.line(6).contains(" 1 done ←2"))
        #expect(buffer.line(8).contains(" 3 dead"))
        #expect(buffer.line(8).contains("-∞"), "the dead particle's step weight")
    }

    @Test func oneFullMaskIsSingular() {
        let one = ParticleTrace(particles: [
            .init(tail: [1], logWeight: -1, normalizedWeight: 1, ancestor: nil, finished: false, stepLogWeight: -1, checks: 3),
        ], effectiveSampleSize: 1, resampled: false, logNormalizer: -1.0)
        #expect(render(.particles(one)).text.contains("3 checks (1 full mask: 11)"))
    }

    @Test func particleTableFitsTheNarrowInspector() {
        let buffer = render(.particles(particles), width: 36)
        assertSnapshot(buffer, named: "inspector-particles-34")
        #expect(!buffer.text.contains("Δlog w"), "the step weight column goes first")
        #expect(buffer.line(5).contains("…n a mat"), "the tail keeps its newest text")
    }

    @Test func manyParticlesShowTheHeaviest() {
        let many = ParticleTrace(particles: (0..<40).map {
            .init(tail: [1], logWeight: Double(-$0), normalizedWeight: $0 == 17 ? 0.9 : 0.1 / 39, ancestor: nil, finished: false)
        }, effectiveSampleSize: 1.2, resampled: false, resampleBelow: 20)
        let buffer = render(.particles(many))
        #expect(buffer.line(2).contains("ESS 1.20 < 20.00, kept"), "a strategy that did not resample is shown as it reported")
        #expect(buffer.text.contains("17 live"), "the heaviest particle is listed")
        #expect(buffer.text.contains("lighter particles not shown"))
    }

    @Test(arguments: [Size(width: 3, height: 2), Size(width: 12, height: 4), Size(width: 20, height: 6)])
    func tinyAreasClipWithoutSpilling(_ size: Size) {
        let alignment = AlignmentTrace(iteration: 0, prefixEstimate: 1, choices: [.init(token: 2, rawProbability: 0.5, estimate: 1, adjustedProbability: 1)], chosen: 2)
        let payloads: [StepPayload] = [
            .particles(particles),
            .mask(MaskTrace(allowedCount: nil, vocabularySize: 11, tested: [.init(token: 1, probability: 0.4, allowed: false)],
                            maskedMass: nil, distribution: maskedStep, stepLogWeight: -1, cumulativeLogWeight: -2, alignment: alignment)),
        ]
        for payload in payloads {
            var buffer = ScreenBuffer(size: Size(width: size.width + 4, height: size.height + 2), fill: Cell(symbol: "x", style: .plain))
            let step = StepTrace(index: 0, generatedBefore: 0, tokens: [], payload: payload, targetEvaluations: 1)
            InspectorPane(step: step, selected: nil, vocabulary: vocabulary, focused: false)
                .render(into: &buffer, area: Rect(x: 2, y: 1, width: size.width, height: size.height), theme: .monochrome)
            let lines = (0..<buffer.size.height).map { buffer.line($0) }
            #expect(lines.first == String(repeating: "x", count: size.width + 4))
            #expect(lines.last == String(repeating: "x", count: size.width + 4))
            #expect(lines.allSatisfy { $0.hasPrefix("xx") && $0.hasSuffix("xx") })
        }
    }

    func step(_ index: Int, _ payload: StepPayload) -> StepTrace {
        StepTrace(index: index, generatedBefore: index, tokens: [TracedToken(token: 1, source: .sampled, entropy: 1)], payload: payload, targetEvaluations: 1)
    }

    @Test func timelineMarksResamplingUnderTheESS() {
        let steps = [4.0, 2.5, 1.5, 4.0, 3.0, 1.2, 4.0].enumerated().map { index, ess in
            step(index, .particles(ParticleTrace(particles: Array(repeating: particles.particles[0], count: 4), effectiveSampleSize: ess,
                                                 resampled: ess < 2, resampleBelow: 2)))
        }
        var buffer = ScreenBuffer(size: Size(width: 40, height: 5))
        TimelinePane(steps: steps, focused: false).render(into: &buffer, area: Rect(x: 0, y: 0, width: 40, height: 5), theme: .monochrome)
        assertSnapshot(buffer, named: "timeline-smc")
        #expect(buffer.line(2).hasPrefix("│ESS 4.00 ↻2    █▅▄█▆▃█"), "ESS on a 0…N scale")
        #expect(buffer.line(3).hasPrefix("│resampled        ↻  ↻ "))
    }

    @Test func timelineShowsTheCumulativeLogWeightOfWeightedMasks() {
        let cumulative = [-0.5, -1.0, -1.0, -3.0]
        let steps = cumulative.enumerated().map { index, total in
            step(index, .mask(MaskTrace(allowedCount: 4, vocabularySize: 11, tested: [], maskedMass: nil, distribution: nil,
                                        stepLogWeight: -0.5, cumulativeLogWeight: total)))
        }
        var buffer = ScreenBuffer(size: Size(width: 40, height: 4))
        TimelinePane(steps: steps, focused: false).render(into: &buffer, area: Rect(x: 0, y: 0, width: 40, height: 4), theme: .monochrome)
        #expect(buffer.line(2).hasPrefix("│Σlog w -3.00   ▇▆▆▁"), "scaled between the lowest value and 0")
    }

    @Test func timelineShowsTheAllowedCountOnALogScaleWithGapsWhereNoMaskWasComputed() {
        let steps = [Optional(11), nil, 1].enumerated().map { index, allowed in
            step(index, .mask(MaskTrace(allowedCount: allowed, vocabularySize: 11, tested: [], maskedMass: nil, distribution: nil)))
        }
        var buffer = ScreenBuffer(size: Size(width: 40, height: 4))
        TimelinePane(steps: steps, focused: false).render(into: &buffer, area: Rect(x: 0, y: 0, width: 40, height: 4), theme: .monochrome)
        #expect(buffer.line(2).hasPrefix("│allowed 1      █ ▃"), "log(2)/log(12) of the way up")
    }

    @Test func grammarForcedTokensHaveTheirOwnStyleUnderTheSourceLens() {
        let forced = TracedToken(token: 1, source: .grammarForced)
        #expect(Lens.source.role(for: forced) == .grammarForced)
        #expect(Lens.source.legend.contains { $0.text == "forced" && $0.role == .grammarForced })
    }
}
