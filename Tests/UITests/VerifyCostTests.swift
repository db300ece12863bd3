import Decoding
import Engine
import Inference
import Testing
import UI

/// The speculation cost panel's T(n) curve arrives after start-up: the panel says so until the
/// engine's measurement comes back as a message.
@MainActor @Suite struct VerifyCostTests {
    static let curve = VerifyCost(seconds: [1: 0.010, 2: 0.0117, 4: 0.0139, 8: 0.0203, 16: 0.0348, 32: 0.0651], context: 2)

    func speculativeState() async throws -> AppState {
        try await ToyRun.state(strategy: "speculative-lookup", steps: 12, size: Size(width: 120, height: 40))
    }

    /// The T(k)/T(1) line of the cost panel, k being the shown round's draft size plus one.
    func verifyLine(_ state: AppState) -> String? {
        let frame = App.render(state)
        return (0..<frame.size.height).map { frame.line($0) }.first { $0.contains("/T(1) ") }
    }

    /// The panel's MAT is `generate`'s and `bench`'s tokens per target evaluation: the prompt's
    /// pass counts, as the token read from its logits does (leaving the pass out showed more).
    @Test func matIsTokensPerTargetEvaluationAsGenerateReportsIt() async throws {
        let state = try await speculativeState()
        let (tokens, passes) = (Double(state.stats.generatedTokens), Double(state.stats.targetEvaluations))
        let mat = String(format: "%.2f", tokens / passes)
        #expect(mat != String(format: "%.2f", tokens / (passes - 1)), "the run must tell the two definitions apart")
        let line = App.render(state).text.split(separator: "\n").first { $0.contains("MAT ") }
        #expect(line?.contains("MAT \(mat) ·") == true, "\(line ?? "no MAT line")")
    }

    @Test func launchAsksForTheMeasurementAndThePanelSaysMeasuring() async throws {
        var state = try await speculativeState()
        #expect(state.verifyCost == .notMeasured)
        #expect(verifyLine(state)?.contains("not measured") == true)
        #expect(App.launch(&state) == [.measureVerifyCost])
        #expect(state.verifyCost == .measuring)
        #expect(verifyLine(state)?.contains("measuring…") == true)
    }

    /// Plain decoding has no cost panel and never pauses for the measurement; the first switch
    /// to a speculative strategy asks for it, and only the first.
    @Test func onlyASpeculativeStrategyAsksForTheMeasurement() async throws {
        var state = try await ToyRun.state(strategy: "sampling", steps: 2, size: Size(width: 120, height: 40))
        #expect(App.launch(&state).isEmpty)
        #expect(state.verifyCost == .notMeasured)
        // Number keys: 4 is speculative-lookup, 6 speculative-tree.
        #expect(state.strategies[3].name == "speculative-lookup" && state.strategies[5].name == "speculative-tree")
        #expect(App.update(&state, .key(.character("4"))) == [.switchStrategy("speculative-lookup"), .measureVerifyCost])
        #expect(state.verifyCost == .measuring)
        #expect(App.update(&state, .key(.character("6"))) == [.switchStrategy("speculative-tree")])
    }

    @Test func theMeasuredCurveReplacesMeasuring() async throws {
        var state = try await speculativeState()
        _ = App.launch(&state)
        #expect(App.update(&state, .verifyCostMeasured(Self.curve)).isEmpty)
        #expect(state.verifyCost == .measured(Self.curve))
        guard case .draftTree(let trace) = state.selectedStep?.payload else {
            Issue.record("the toy run's last step should show a draft tree")
            return
        }
        let size = trace.nodes.count + 1
        let ratio = try #require(Self.curve.ratio(size))
        let line = try #require(verifyLine(state))
        #expect(line.contains("T(\(size))/T(1) \(String(format: "%.2f", ratio))"), "\(line)")
        #expect(!line.contains("measuring"))
    }

    /// Timed on busy cores, two tokens can measure faster than one; the panel still shows the
    /// numbers it has, and says they are noise-bound.
    @Test func aCurveFasterForMoreTokensIsCalledNoisy() async throws {
        let noisy = VerifyCost(seconds: [1: 0.010, 2: 0.0087, 4: 0.0139, 8: 0.0203, 16: 0.0348, 32: 0.0651], context: 2)
        #expect(!noisy.isMonotone && Self.curve.isMonotone)
        for (curve, noted) in [(noisy, true), (Self.curve, false)] {
            var state = try await speculativeState()
            _ = App.launch(&state)
            _ = App.update(&state, .verifyCostMeasured(curve))
            #expect(App.render(state).text.contains("timing noisy") == noted)
        }
    }

    /// The ceiling is the best n·T(1)/T(n) over the measured sizes: the drafts cannot beat it.
    @Test func thePanelShowsWhatPerfectDraftsCouldGainOnThisCurve() async throws {
        let ceiling = try #require(Self.curve.ceiling)
        #expect(ceiling.tokensPerPass == 32 && abs(ceiling.speedup - 32 * 0.010 / 0.0651) < 1e-12)
        // This machine's curve (bench, 2026-11-27): eight tokens per pass pay best, and not 2×.
        let measured = VerifyCost(seconds: [1: 0.00803, 2: 0.00965, 4: 0.01377, 8: 0.02718, 16: 0.05602], context: 256)
        let best = try #require(measured.ceiling)
        #expect(best.tokensPerPass == 8 && abs(best.speedup - 8 * 0.00803 / 0.02718) < 1e-12)
        #expect(VerifyCost(seconds: [2: 0.01], context: 2).ceiling == nil, "no T(1), no ratio")
        var state = try await speculativeState()
        _ = App.launch(&state)
        _ = App.update(&state, .verifyCostMeasured(Self.curve))
        #expect(App.render(state).text.contains("ceiling 4.92× with perfect drafts"))
    }

    @Test func aFailedMeasurementSaysWhy() async throws {
        var state = try await speculativeState()
        _ = App.launch(&state)
        _ = App.update(&state, .verifyCostFailed("context is full (512 tokens)"))
        #expect(verifyLine(state)?.contains("not measured: context is full") == true)
    }

    /// The runner end to end on the ToyModel: it asks at launch, the engine measures between
    /// steps, and the panel fills in with the measured numbers.
    @Test func theRunnerMeasuresInTheBackgroundAndThePanelFillsIn() async throws {
        let configuration = RunConfiguration(strategy: "speculative-lookup", seed: 1, prompt: ToyRun.prompt([" the", " cat"]), maxNewTokens: 120)
        let engine = try Engine(model: ToyModel(seed: 0, contextLength: 512), configuration: configuration, buffering: .unbounded)
        let size = Size(width: 120, height: 40)
        let state = AppState(modelName: "ToyModel", vocabulary: ToyVocabulary(), strategies: StrategyCatalog.descriptors, configuration: configuration,
                             promptText: "the cat", chat: false, chatAvailable: false, size: size, theme: .monochrome)
        // Filled in: the verify line of a round with drafts, or, on a round without any, the
        // plain-step line the panel shows only once the curve is measured.
        let display = RecordingDisplay(size: size) { frame in
            (frame.text.contains("/T(1) ") || frame.text.contains("no draft this round: a plain step")) && !frame.text.contains("measuring…")
        }
        let runner = AppRunner(display: display, engine: engine, state: state,
                               services: AppServices(encodePrompt: { _, _ in [] }, themes: ThemeLibrary(directories: []), tracePath: { "" }, modelIdentity: { ModelIdentity(path: "toy", fileName: "toy", byteCount: 0, sha256: nil) }, activations: .f32,
                                                     loadConstraint: { _ in throw CancellationError() }))
        await runner.run()
        await engine.shutdown()
        guard case .measured(let cost) = runner.state.verifyCost else {
            Issue.record("no measurement arrived: \(runner.state.verifyCost)")
            return
        }
        #expect(Set(cost.seconds.keys) == Set(VerifyCost.panelSizes))
    }
}

/// An in-memory screen that keeps every frame and presses `q` once `done` holds for one (or
/// after thirty seconds, room for a loaded machine, so a missing measurement fails the test
/// instead of hanging it).
@MainActor final class RecordingDisplay: Display {
    let size: Size
    let colorDepth = ColorDepth.monochrome
    private(set) var frames: [ScreenBuffer] = []
    private let done: (ScreenBuffer) -> Bool
    private let deadline = ContinuousClock.now + .seconds(30)

    init(size: Size, done: @escaping (ScreenBuffer) -> Bool) {
        self.size = size
        self.done = done
    }

    func poll() -> [DisplayEvent] {
        let finished = frames.last.map(done) ?? false
        return finished || ContinuousClock.now > deadline ? [.key(.character("q"))] : []
    }

    func draw(_ frame: ScreenBuffer) { frames.append(frame) }
    func invalidate() {}
}
