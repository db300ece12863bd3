import Decoding
import Inference
import Testing
import UI

/// Each inspector view and small widget against hand-made traces with known numbers.
@Suite struct WidgetTests {
    let vocabulary = TestVocabulary()
    let area = Rect(x: 0, y: 0, width: 56, height: 14)

    func render(_ payload: StepPayload, tokens: [TracedToken] = []) -> ScreenBuffer {
        var buffer = ScreenBuffer(size: Size(width: area.width, height: area.height))
        let step = StepTrace(index: 4, generatedBefore: 9, tokens: tokens, payload: payload, targetEvaluations: 1, draftEvaluations: 3)
        InspectorPane(step: step, selected: nil, vocabulary: vocabulary, focused: false).render(into: &buffer, area: area, theme: .monochrome)
        return buffer
    }

    @Test func draftTreeShowsVerdictsRatiosAndTheResidual() {
        let trace = DraftTreeTrace(nodes: [
            .init(token: 1, parent: nil, p: 0.62, q: 0.50, r: 0.31, verdict: .accepted),
            .init(token: 2, parent: 0, p: 0.20, q: 0.40, r: 0.71, verdict: .rejected,
                  residualTop: [TokenProbability(token: 3, logit: 0, probability: 0.55), TokenProbability(token: 4, logit: 0, probability: 0.25)]),
            .init(token: 5, parent: 1, p: 0.10, q: 0.30, r: nil, verdict: .untested),
        ], acceptedPath: [0], drafter: "early exit @ layer 8")
        let buffer = render(.draftTree(trace), tokens: [TracedToken(token: 1, source: .draftAccepted), TracedToken(token: 3, source: .resampled, probability: 0.12)])
        assertSnapshot(buffer, named: "inspector-draft-tree")
        #expect(buffer.text.contains("accepted 1/3"))
        #expect(buffer.text.contains("resampled · model p 0.120"), "the correction's p is the model's, told apart from the table's")
        #expect(buffer.text.contains("1.24"), "p/q of the accepted node")
        #expect(buffer.text.contains("residual: ␣on 0.55"))
    }

    /// Each node shows the uniform r it drew (— where none was drawn), so a verdict can be
    /// checked against r < p/q; at 80 columns (34 cells inside the inspector) q makes room.
    @Test func draftTreeShowsTheUniformEachNodeDrew() {
        let trace = DraftTreeTrace(nodes: [
            .init(token: 1, parent: nil, p: 0.62, q: 0.50, r: 0.31, verdict: .accepted),
            .init(token: 2, parent: 0, p: 0.20, q: 0.40, r: 0.71, verdict: .rejected),
            .init(token: 5, parent: 1, p: 0.10, q: 0.30, r: nil, verdict: .untested),
        ], acceptedPath: [0], drafter: "early exit @ layer 8")
        let wide = render(.draftTree(trace)).text
        #expect(wide.contains("  token             p      q    p/q      r  verdict"), "\(wide)")
        #expect(wide.contains("✓ ␣cat          0.620  0.500   1.24  0.310  accepted"), "\(wide)")
        #expect(wide.contains("0.100  0.300   0.33      —  untested"), "\(wide)")
        let narrow = Rect(x: 0, y: 0, width: 36, height: 14)
        var buffer = ScreenBuffer(size: Size(width: narrow.width, height: narrow.height))
        let step = StepTrace(index: 4, generatedBefore: 9, tokens: [], payload: .draftTree(trace), targetEvaluations: 1)
        InspectorPane(step: step, selected: nil, vocabulary: vocabulary, focused: false).render(into: &buffer, area: narrow, theme: .monochrome)
        #expect(buffer.text.contains("│  token            p    p/q      r│"), "\(buffer.text)")
        #expect(buffer.text.contains("│✓ ␣cat         0.620   1.24  0.310│"), "\(buffer.text)")
    }

    /// A tree taller than the inspector ends with how many nodes are not shown.
    @Test func aDraftTreeTooTallForTheInspectorSaysWhatIsLeft() {
        let nodes = (0..<20).map { DraftTreeTrace.Node(token: 1, parent: $0 == 0 ? nil : $0 - 1, p: 0.5, q: 0.5, r: 0.1, verdict: .accepted) }
        let buffer = render(.draftTree(DraftTreeTrace(nodes: nodes, acceptedPath: Array(0..<20), drafter: "lookup")))
        let last = (0..<area.height).map { buffer.line($0) }.last { $0.contains("more nodes") }
        #expect(last?.contains("more nodes (Enter zooms)") == true, "\(buffer.text)")
    }

    @Test func maskShowsAllowedFractionAndTestedTokens() {
        let distribution = DistributionTrace(
            stages: [StageView(stage: "raw", label: "raw softmax", top: [TokenProbability(token: 6, logit: 2, probability: 0.9)],
                               candidateCount: 2, entropy: 0.3, varentropy: 0.1)],
            chosen: 6, entropy: 0.3, varentropy: 0.1, uniform: 0.5)
        let trace = MaskTrace(allowedCount: 2, vocabularySize: 11, tested: [
            .init(token: 1, probability: 0.4, allowed: false), .init(token: 6, probability: 0.3, allowed: true),
        ], maskedMass: 0.58, distribution: distribution)
        let buffer = render(.mask(trace))
        assertSnapshot(buffer, named: "inspector-mask")
        #expect(buffer.text.contains("2/11 allowed"))
        #expect(buffer.text.contains("✗ ␣cat"))
    }

    @Test func particlesShowWeightsAndAncestors() {
        let trace = ParticleTrace(particles: [
            .init(tail: [1, 2], logWeight: -1.2, normalizedWeight: 0.7, ancestor: nil, finished: false),
            .init(tail: [8, 2], logWeight: -2.1, normalizedWeight: 0.3, ancestor: 0, finished: true),
        ], effectiveSampleSize: 1.72, resampled: true)
        let buffer = render(.particles(trace))
        assertSnapshot(buffer, named: "inspector-particles")
        #expect(buffer.text.contains("ESS 1.72 → resampled"))
        #expect(buffer.text.contains(" 1 done ←0"))
    }

    @Test func sparklineScalesToItsMaximum() {
        var buffer = ScreenBuffer(size: Size(width: 5, height: 1))
        Sparkline(values: [0, 1, 2, 4, 8, 16], role: .sparkline).render(into: &buffer, area: Rect(x: 0, y: 0, width: 5, height: 1), theme: .monochrome)
        #expect(buffer.line(0) == "▁▂▃▅█")
    }

    @Test func barsResolveEighths() {
        #expect(Bar.text(0.5, width: 4) == "██  ")
        #expect(Bar.text(1.0 / 32, width: 4) == "▏   ")
        #expect(Bar.text(2, width: 3) == "███")
        #expect(Bar.text(.nan, width: 2) == "  ")
    }

    /// Two end tokens (SmolLM2's <|endoftext|> and <|im_end|>) must not both read ⟨end⟩.
    @Test func controlTokensAreLabelledByTheirSpelling() {
        let vocabulary = TwoEndTokensVocabulary()
        #expect((0..<4).map { TokenText.label(TokenID($0), vocabulary: vocabulary) } == ["⟨endoftext⟩", "⟨im_start⟩", "⟨im_end⟩", "␣yes"])
        #expect(TokenText.label(ToyVocabulary.endToken, vocabulary: ToyVocabulary()) == "⟨end⟩", "no spelling known: still an end")
    }

    /// A token that starts with a space shows it as ␣ whether or not its bytes are whole UTF-8.
    @Test func edgeSpacesAreMarkedInPartialCharactersToo() {
        let vocabulary = PieceVocabulary(pieces: [[0x20, 0xE2], [0x20, 0x61, 0x20]])
        #expect(TokenText.label(0, vocabulary: vocabulary) == "␣\\xE2")
        #expect(TokenText.label(1, vocabulary: vocabulary) == "␣a␣")
    }

    @Test func aBeamWhollyCommittedSaysSoInsteadOfAnEmptyTail() {
        let done = BeamTrace.Beam(tokens: [], logProbability: -15.55, score: -0.44, finished: true)
        #expect(render(.beams(BeamTrace(beams: [done], candidatesScored: 4))).text.contains("-15.55  (all in the text)"))
    }

    @Test func countsAgreeWithTheirNouns() {
        let beam = BeamTrace.Beam(tokens: [1], logProbability: -0.5, score: -0.5, finished: false)
        #expect(render(.beams(BeamTrace(beams: [beam], candidatesScored: 1))).text.contains("1 beam · 1 candidate scored"))
        #expect(render(.beams(BeamTrace(beams: [beam, beam], candidatesScored: 8))).text.contains("2 beams · 8 candidates scored"))
        #expect(render(.beams(BeamTrace(beams: [beam], candidatesScored: 1))).text.contains("1 target pass"))
    }

    /// However many parts a narrow header drops, it never starts with a separator.
    @Test func narrowHeaderHasNoLeadingSeparator() async throws {
        let state = try await ToyRun.state(strategy: "speculative-tree", steps: 1, size: Size(width: 120, height: 40))
        for width in 30...120 {
            var buffer = ScreenBuffer(size: Size(width: width, height: 1))
            HeaderBar(state: state).render(into: &buffer, area: Rect(x: 0, y: 0, width: width, height: 1), theme: .monochrome)
            let line = buffer.line(0)
            #expect(line.trimmingPrefix(" ").first != "│", "width \(width): \(line)")
            #expect(line.contains("[6] spec"), "the strategy is the last part to go")
        }
    }

    /// The too-small notice is never cut where it is shown, down to 20×6, and at 10×3 its
    /// short form is whole too.
    @Test func tooSmallNoticeFitsWhole() {
        for width in 20..<80 {
            for height in 6..<24 {
                let text = notice(width, height)
                #expect(!text.contains("…") && text.contains("q to quit"), "\(width)×\(height):\n\(text)")
            }
        }
        #expect(notice(20, 6) == "\n terminal too small\n  20×6, need 80×24\n    enlarge it,\n    or q to quit\n")
        #expect(notice(10, 3) == "too small\nneed 80×24\n q quits")
    }

    private func notice(_ width: Int, _ height: Int) -> String {
        let size = Size(width: width, height: height)
        var buffer = ScreenBuffer(size: size)
        TooSmallNotice(size: size).render(into: &buffer, area: size.bounds, theme: .monochrome)
        return buffer.text
    }

    /// The inspector at 80×24 (34×16 inside) on an earlier step, whose summary wraps, with a
    /// long sampler chain: each stage's header takes one row (a long label is cut with "…"),
    /// and stages that leave no room (a shorter pane) give way to the sampled stage's candidates.
    @Test func aLongSamplerChainKeepsTheSampledCandidatesAt80x24() throws {
        let top = [(1, 0.4), (2, 0.3), (3, 0.2), (4, 0.1)].map { TokenProbability(token: Int32($0), logit: 0, probability: $1) }
        let labels = ["raw softmax", "logit-bias (2 tokens)", "penalties repeat 1.1 freq 0.5 presence 0.5 last 64", "top-k 40", "typical 0.95",
                      "top-p 0.95", "min-p 0.05", "temperature 0.8"]
        let stages = labels.map { StageView(stage: $0, label: $0, top: top, candidateCount: 49152, entropy: 1.95, varentropy: 1) }
        let trace = DistributionTrace(stages: stages, chosen: 2, entropy: 1.5, varentropy: 1, uniform: 0.5)
        let chosen = TracedToken(token: 2, source: .sampled, probability: 0.3)
        let step = StepTrace(index: 4, generatedBefore: 9, tokens: [chosen], payload: .distribution(trace), targetEvaluations: 1, seconds: 0.0483)
        for height in [18, 14] {
            var buffer = ScreenBuffer(size: Size(width: 36, height: height))
            InspectorPane(step: step, selected: TokenEntry(step: 4, traced: chosen, vocabulary: vocabulary), vocabulary: vocabulary, focused: false)
                .render(into: &buffer, area: buffer.size.bounds, theme: .monochrome)
            assertSnapshot(buffer, named: "inspector-long-chain-34x\(height - 2)")
            let rows = (1..<(height - 1)).map { buffer.line($0) }
            let final = try #require(rows.firstIndex { $0.hasPrefix("│temperature") }, "\(buffer.text)")
            #expect(rows[(final + 1)...].filter { $0.hasSuffix("%│") }.count >= 3, "\(buffer.text)")
            #expect(rows.contains { $0.hasPrefix("│▸␣sat") }, "the chosen token's row: \(buffer.text)")
        }
    }

    /// A pane too narrow for the lens's name and its legend keeps the legend, which names the
    /// measure too; one too narrow for the legend alone (the source lens at 80 columns) keeps
    /// its shorter form; one too narrow for that keeps the name.
    @Test(arguments: [(Lens.probability, 44, "╭─ Text ─────────── p ≥.9 ≥.6 ≥.3 ≥.1 <.1 ─╮"), (.probability, 50, "╭─ Text · probability ─── p ≥.9 ≥.6 ≥.3 ≥.1 <.1 ─╮"),
                      (.source, 44, "╭─ Text ─── ✓dr ✗dr resample bonus forced ─╮"),
                      (.source, 60, "╭─ Text ────── sample ✓draft ✗draft resample bonus forced ─╮"),
                      (.source, 30, "╭─ Text · source ────────────╮")])
    func textPaneTitleKeepsTheLegendWhereItFits(lens: Lens, width: Int, border: String) {
        var buffer = ScreenBuffer(size: Size(width: width, height: 3))
        TextPane(prompt: "", chat: false, tokens: [], lens: lens, cursor: nil, focused: false)
            .render(into: &buffer, area: Rect(x: 0, y: 0, width: width, height: 3), theme: .monochrome)
        #expect(buffer.line(0) == border)
    }

    @Test func panelDrawsTitleAndBadge() {
        var buffer = ScreenBuffer(size: Size(width: 24, height: 3))
        Panel(title: "Text", focused: true, badge: "7").render(into: &buffer, area: Rect(x: 0, y: 0, width: 24, height: 3), theme: .monochrome)
        #expect(buffer.text == "╭─ Text ─────────── 7 ─╮\n│                      │\n╰──────────────────────╯")
    }
}
