import Decoding
import Engine
import Inference
import Testing
import UI

/// Whole screens of a real (ToyModel) run at the two reference sizes.
@Suite struct FrameTests {
    @Test func samplingAt120x40() async throws {
        let state = try await ToyRun.state(steps: 12, size: Size(width: 120, height: 40))
        let frame = App.render(state)
        assertSnapshot(frame, named: "sampling-120x40")
        #expect(frame.line(0).contains("[2] sampling"))
        #expect(frame.text.contains("▸"), "the chosen token is marked")
    }

    @Test func samplingAt80x24() async throws {
        let state = try await ToyRun.state(steps: 12, size: Size(width: 80, height: 24))
        assertSnapshot(App.render(state), named: "sampling-80x24")
    }

    /// Before the first step of a running run, the inspector says the prompt is being read (a
    /// long one takes seconds); a paused run without steps keeps the plain placeholder.
    @Test func theInspectorSaysThePromptIsBeingRead() async throws {
        var state = try await ToyRun.state(steps: 0, size: Size(width: 120, height: 40))
        state.status = .running
        #expect(App.render(state).text.contains("Reading the prompt (2 tokens); the first step"))
        state.status = .paused
        #expect(App.render(state).text.contains("No step yet"))
    }

    @Test func beamSearchAt120x40() async throws {
        let state = try await ToyRun.state(strategy: "beam", steps: 6, size: Size(width: 120, height: 40))
        let frame = App.render(state)
        assertSnapshot(frame, named: "beam-120x40")
        #expect(frame.text.contains("beams"))
    }

    @Test func cursorSelectsAnEarlierStep() async throws {
        var state = try await ToyRun.state(steps: 12, size: Size(width: 120, height: 40))
        let newest = App.render(state)
        for _ in 0..<3 { _ = App.update(&state, .key(.left)) }
        #expect(state.cursor == state.tokens.count - 4)
        let browsing = App.render(state)
        assertSnapshot(browsing, named: "sampling-cursor-120x40")
        #expect(browsing.line(1).contains("step \(state.tokens[state.tokens.count - 4].step + 1)"))
        #expect(browsing != newest)
        _ = App.update(&state, .key(.end))
        #expect(state.cursor == nil)
    }

    /// With the cursor on an older step, the timeline marks that step's column and its labels
    /// give that step's entropy and p(chosen), not the newest step's.
    @Test func timelineFollowsTheCursor() async throws {
        var state = try await ToyRun.state(steps: 12, size: Size(width: 120, height: 40))
        for _ in 0..<5 { _ = App.update(&state, .key(.left)) }
        let step = try #require(state.cursor.map { state.tokens[$0].step })
        let chosen = try #require(state.steps[step].committedTokens.last)
        let (entropy, p) = (try #require(chosen.entropy), try #require(chosen.probability))
        let newest = try #require(state.steps.last?.committedTokens.last?.entropy)
        #expect(String(format: "%.2f", entropy) != String(format: "%.2f", newest), "the test needs a step that differs from the newest")
        let frame = App.render(state)
        let timeline = ScreenLayout(size: state.size).timeline
        #expect(frame.line(timeline.y).contains("step \(step + 1) of 12"), "\(frame.line(timeline.y))")
        #expect(frame.line(timeline.y + 1).contains("│entropy \(String(format: "%.2f", entropy)) "), "\(frame.line(timeline.y + 1))")
        #expect(frame.line(timeline.y + 2).contains("│p(chosen) \(String(format: "%.2f", p)) "), "\(frame.line(timeline.y + 2))")
        // The plots start after the border and a 15-cell label; column k is step k.
        let column = timeline.x + 1 + 15 + step
        #expect(frame[x: column, y: timeline.y + 1].style.reverse && frame[x: column, y: timeline.y + 2].style.reverse)
        #expect(!frame[x: column + 1, y: timeline.y + 1].style.reverse)
        _ = App.update(&state, .key(.end))
        #expect(!App.render(state)[x: column, y: timeline.y + 1].style.reverse, "following the newest marks no column")
    }

    /// At 80×24 the inspector of an earlier step, whose summary is longer (it says how the
    /// selected token came), still shows the sampled stage's candidates, also with a sampler
    /// chain of long stage names (the penalties).
    @Test(arguments: [("sampling-cursor-80x24", 1.0), ("sampling-cursor-penalties-80x24", 1.1)])
    func cursorOnAnEarlierStepAt80x24KeepsTheCandidates(snapshot: String, repeatPenalty: Double) async throws {
        var parameters = DecodingParameters()
        parameters.set("repeat-penalty", to: repeatPenalty)
        var state = try await ToyRun.state(parameters: parameters, steps: 12, size: Size(width: 80, height: 24))
        for _ in 0..<3 { _ = App.update(&state, .key(.left)) }
        let frame = App.render(state)
        assertSnapshot(frame, named: snapshot)
        let inspector = (2..<19).map { String(frame.line($0).dropFirst(45).dropLast()) }
        let final = try #require(inspector.firstIndex { $0.hasPrefix("temperature") }, "\(frame.text)")
        #expect(inspector[(final + 1)...].filter { $0.contains("%") }.count >= 3, "\(frame.text)")
        #expect(inspector.contains { $0.hasPrefix("▸") }, "the chosen token's row: \(frame.text)")
    }

    @Test func sourceLensAndZoomedInspector() async throws {
        var state = try await ToyRun.state(strategy: "greedy", steps: 8, size: Size(width: 80, height: 24))
        _ = App.update(&state, .key(.character("l")))
        _ = App.update(&state, .key(.character("l")))
        #expect(state.lens == .source)
        _ = App.update(&state, .key(.tab))
        _ = App.update(&state, .key(.enter))
        let frame = App.render(state)
        assertSnapshot(frame, named: "greedy-zoomed-inspector-80x24")
        #expect(!frame.text.contains("Timeline"))
    }

    /// At 80 columns the source lens keeps a legend for its colours, in its short form.
    @Test func sourceLensAt80x24() async throws {
        var state = try await ToyRun.state(strategy: "speculative-tree", steps: 4, size: Size(width: 80, height: 24))
        _ = App.update(&state, .key(.character("l")))
        _ = App.update(&state, .key(.character("l")))
        #expect(state.lens == .source)
        let frame = App.render(state)
        assertSnapshot(frame, named: "speculative-tree-source-80x24")
        #expect(frame.line(1).contains("✓dr ✗dr resample bonus forced"), "\(frame.line(1))")
    }

    @Test func overlaysAt80x24() async throws {
        var state = try await ToyRun.state(steps: 5, size: Size(width: 80, height: 24))
        _ = App.update(&state, .key(.character("?")))
        assertSnapshot(App.render(state), named: "help-80x24")
        _ = App.update(&state, .key(.escape))
        _ = App.update(&state, .key(.character("m")))
        assertSnapshot(App.render(state), named: "strategy-picker-80x24")
        _ = App.update(&state, .key(.escape))
        _ = App.update(&state, .key(.character("i")))
        assertSnapshot(App.render(state), named: "token-detail-80x24")
        _ = App.update(&state, .key(.escape))
        _ = App.update(&state, .key(.character("e")))
        assertSnapshot(App.render(state), named: "prompt-editor-80x24")
    }

    @Test func tooSmallShowsANoticeAndRecovers() async throws {
        var state = try await ToyRun.state(steps: 3, size: Size(width: 60, height: 20))
        let small = App.render(state)
        assertSnapshot(small, named: "too-small-60x20")
        #expect(small.text.contains("terminal too small"))
        _ = App.update(&state, .resize(Size(width: 80, height: 24)))
        #expect(App.render(state).line(0).contains("sampling"))
    }

    @Test func sameSeedRendersTheSameFrame() async throws {
        let a = try await ToyRun.state(steps: 10, size: Size(width: 120, height: 40))
        let b = try await ToyRun.state(steps: 10, size: Size(width: 120, height: 40))
        #expect(App.render(a) == App.render(b))
        let other = try await ToyRun.state(steps: 10, seed: 7, size: Size(width: 120, height: 40))
        #expect(other.tokens.map(\.traced.token) != a.tokens.map(\.traced.token) || other.configuration.seed != a.configuration.seed)
    }
}
