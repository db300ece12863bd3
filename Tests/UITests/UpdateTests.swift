import Decoding
import Engine
import Glibc
import Inference
import Testing
import UI

@Suite struct UpdateTests {
    func state() async throws -> AppState {
        try await ToyRun.state(steps: 10, size: Size(width: 120, height: 40))
    }

    @Test func strategyKeysSwitchByNumberAndCycle() async throws {
        var state = try await state()
        #expect(App.update(&state, .key(.character("1"))) == [.switchStrategy("greedy")])
        #expect(App.update(&state, .key(.character("s"))) == [.switchStrategy("sampling")])
        #expect(App.update(&state, .key(.character("S"))) == [.switchStrategy("greedy")])
        #expect(App.render(state).line(0).contains("[1] greedy"), "the header shows the switch before the engine confirms it")
        state.strategies = Array(state.strategies.prefix(3))
        #expect(App.update(&state, .key(.character("9"))).isEmpty)
        #expect(state.notice?.text.contains("no strategy 9") == true)
    }

    /// `o` picks among a strategy's own parameters and `-`/`+` move them from the value the
    /// strategy really uses (its default while unset), which the header shows too.
    /// Behind the "too small" notice nothing is visible, so keys change nothing: a strategy
    /// switch, a lens change or a restart would surprise the user once the terminal grows.
    /// `q` quits, as the notice says.
    @Test func keysBehindTheTooSmallNoticeOnlyQuit() async throws {
        var state = try await state()
        _ = App.update(&state, .resize(Size(width: 10, height: 3)))
        let before = state.configuration
        for key: Key in [.character("1"), .character("s"), .character("r"), .character("l"), .character("c"), .character("?"), .enter, .right] {
            #expect(App.update(&state, .key(key)).isEmpty, "\(key)")
        }
        #expect(state.configuration == before && state.overlay == nil)
        #expect(App.update(&state, .key(.character("q"))) == [.quit])
    }

    /// With the prompt editor open, `q` behind the too-small notice is a letter, not a quit:
    /// the edit waits for the terminal to grow back. Ctrl-C still quits, as the notice says.
    @Test func theTooSmallNoticeKeepsAnOpenEditorsText() async throws {
        var state = try await state()
        _ = App.update(&state, .key(.character("e")))
        _ = App.update(&state, .key(.control("u")))
        for c in "the dog" { _ = App.update(&state, .key(.character(c))) }
        _ = App.update(&state, .resize(Size(width: 60, height: 20)))
        #expect(App.update(&state, .key(.character("q"))).isEmpty && !state.quitting)
        #expect(App.render(state).text.contains("or Ctrl-C to quit"))
        _ = App.update(&state, .resize(Size(width: 120, height: 40)))
        #expect(App.update(&state, .key(.control("d"))) == [.setPrompt("the dog", chat: false)])
        _ = App.update(&state, .key(.character("e")))
        _ = App.update(&state, .resize(Size(width: 60, height: 20)))
        #expect(App.update(&state, .key(.control("c"))) == [.quit])
    }

    /// Rejected drafts are drawn only in the source lens; elsewhere ← → pass them, or the
    /// cursor would vanish for a press.
    @Test func arrowsPassRejectedDraftsOutsideTheSourceLens() async throws {
        var state = try await state()
        let vocabulary = state.vocabulary
        let sources: [TokenSource] = [.draftAccepted, .draftRejected, .draftRejected, .sampled]
        state.tokens = sources.enumerated().map { TokenEntry(step: 0, traced: TracedToken(token: TokenID($0.offset), source: $0.element), vocabulary: vocabulary) }
        state.lens = .probability
        _ = App.update(&state, .key(.left))
        #expect(state.cursor == 0)
        _ = App.update(&state, .key(.right))
        #expect(state.cursor == 3)
        state.lens = .source
        _ = App.update(&state, .key(.left))
        #expect(state.cursor == 2)
        state.tokens.swapAt(0, 1)
        _ = App.update(&state, .key(.home))
        #expect(state.cursor == 0, "the source lens draws the rejected draft first")
        state.lens = .probability
        _ = App.update(&state, .key(.home))
        #expect(state.cursor == 1, "elsewhere Home goes to the first token drawn")
    }

    /// Token details number a token by its place in the text: the rejected drafts listed
    /// among the tokens (for the source lens) are not counted; a rejected draft has no place.
    @Test func tokenDetailsNumberTokensByTheirPlaceInTheText() async throws {
        var state = try await state()
        let vocabulary = state.vocabulary
        let sources: [TokenSource] = [.sampled, .draftRejected, .draftAccepted, .draftRejected, .draftRejected, .resampled]
        state.tokens = sources.enumerated().map { TokenEntry(step: 0, traced: TracedToken(token: TokenID($0.offset), source: $0.element), vocabulary: vocabulary) }
        _ = App.update(&state, .key(.character("i")))
        #expect(App.render(state).text.contains("#3 · id 5 "), "the third token of the text")
        _ = App.update(&state, .key(.escape))
        state.lens = .source
        _ = App.update(&state, .key(.left))
        _ = App.update(&state, .key(.character("i")))
        #expect(App.render(state).text.contains("not in the text · id 4 "))
    }

    @Test func ownParameterKeysStartFromTheStrategysDefault() async throws {
        var state = try await state()
        state.configuration.strategy = SpeculativeLookupStrategy.descriptor.name
        #expect(App.render(state).line(0).contains("draft 3 n-gram 3"), "the header shows the lookup's defaults")
        #expect(App.update(&state, .key(.character("+"))) == [.setParameter("draft-length", 4)])
        #expect(App.update(&state, .key(.character("o"))).isEmpty)
        #expect(state.notice?.text.hasPrefix("ngram-size 3") == true)
        #expect(App.update(&state, .key(.character("-"))) == [.setParameter("ngram-size", 2)])
        #expect(App.render(state).line(0).contains("draft 4 n-gram 2"))
        state.configuration.strategy = "greedy"
        #expect(App.update(&state, .key(.character("+"))).isEmpty)
        #expect(state.notice?.text == "greedy has no parameters of its own")
    }

    @Test func layerParametersStopAtTheModelsLastLayer() async throws {
        var state = try await state()
        state.modelLayerCount = 4
        state.configuration.strategy = SpeculativeEarlyExitStrategy.descriptor.name
        state.configuration.parameters.set("exit-layer", to: 2)
        #expect(App.update(&state, .key(.character("o"))).isEmpty)
        #expect(state.notice?.text.hasPrefix("exit-layer 2") == true)
        #expect(App.update(&state, .key(.character("+"))) == [.setParameter("exit-layer", 3)])
        #expect(App.update(&state, .key(.character("+"))).isEmpty)
        #expect(state.notice?.text == "exit-layer is at its maximum 3 on a model of 4 layers")
    }

    @Test func parameterKeysStepWithinTheDescriptorRange() async throws {
        var state = try await state()
        #expect(App.update(&state, .key(.character("t"))) == [.setParameter("temperature", 0.7)])
        #expect(App.update(&state, .key(.character("t"))) == [.setParameter("temperature", 0.6)], "steps from the value just set")
        #expect(App.update(&state, .key(.character("P"))) == [.setParameter("top-p", 1.0)])
        #expect(App.update(&state, .key(.character("]"))) == [.setParameter("top-k", 45)])
        state.configuration.parameters.sampler.topP = 1
        #expect(App.update(&state, .key(.character("P"))).isEmpty)
        #expect(state.notice?.text == "top-p is at its maximum 1.00")
        state.configuration.parameters.sampler.topK = 0
        #expect(App.update(&state, .key(.character("["))).isEmpty)
        #expect(state.notice?.text == "top-k is at its minimum 0", "a whole-number parameter reads as one")
        state.configuration.strategy = "greedy"
        #expect(App.update(&state, .key(.character("t"))).isEmpty)
        #expect(state.notice?.text == "greedy has no temperature")
    }

    @Test func runKeysBecomeEngineCommands() async throws {
        var state = try await state()
        #expect(App.update(&state, .key(.character(" "))) == [.togglePause])
        #expect(App.update(&state, .key(.character("."))) == [.step])
        #expect(App.update(&state, .key(.character("r"))) == [.restart])
        #expect(App.update(&state, .key(.character("w"))) == [.writeTrace])
        let oldSeed = state.configuration.seed
        guard case .setSeed(let seed) = App.update(&state, .key(.character("R"))).first else {
            Issue.record("R must set a new seed")
            return
        }
        #expect(seed != oldSeed && seed == state.configuration.seed)
        #expect(App.update(&state, .key(.character("q"))) == [.quit])
        #expect(state.quitting)
    }

    /// `R` says which seed it picked; the notice of an earlier key does not linger.
    @Test func aNewSeedSaysWhichSeed() async throws {
        var state = try await state()
        _ = App.update(&state, .key(.character("l")))
        _ = App.update(&state, .key(.character("R")))
        #expect(state.notice?.text == "seed \(state.configuration.seed) — replaying from the prompt")
        #expect(App.render(state).line(39).contains("seed \(state.configuration.seed)"))
    }

    /// After the end `.` has nothing to step and Space replays the run: both say so.
    @Test func runKeysAfterTheEndSayWhatHappens() async throws {
        var state = try await state()
        _ = App.update(&state, .engine(.finished(.endOfGeneration)))
        #expect(App.update(&state, .key(.character("."))).isEmpty)
        #expect(state.notice?.text == "the run has finished — r restarts it")
        #expect(App.render(state).line(39).contains("r restarts it"))
        #expect(App.update(&state, .key(.character(" "))) == [.togglePause])
        #expect(state.notice?.text == "the run had ended — replaying it from the prompt, same seed")
        _ = App.update(&state, .engine(.failed("no token allowed")))
        #expect(App.update(&state, .key(.character("."))).isEmpty)
        #expect(state.notice == Notice(text: "the run failed (no token allowed) — r restarts it", isError: true, from: state.frame))
        _ = App.update(&state, .engine(.state(.paused)))
        #expect(App.update(&state, .key(.character("."))) == [.step])
    }

    /// In the strategy menu Home and End jump to the ends of the list; keys it does not use
    /// leave it open and do not reach the main view (they used to close it silently).
    @Test func strategyMenuKeepsItsKeys() async throws {
        var state = try await state()
        let last = state.strategies.count - 1
        _ = App.update(&state, .key(.character("m")))
        #expect(App.update(&state, .key(.end)).isEmpty)
        #expect(state.overlay == .strategyPicker(selected: last))
        #expect(App.update(&state, .key(.home)).isEmpty)
        #expect(state.overlay == .strategyPicker(selected: 0))
        let before = state
        for key: Key in [.character("l"), .character("r"), .character("t"), .pageDown, .tab, .backspace, .character(" ")] {
            #expect(App.update(&state, .key(key)).isEmpty, "\(key)")
            #expect(state.overlay == .strategyPicker(selected: 0), "\(key)")
        }
        #expect(state.lens == before.lens && state.configuration == before.configuration && state.focus == before.focus)
        #expect(App.update(&state, .key(.escape)).isEmpty)
        #expect(state.overlay == nil)
    }

    /// Ctrl-C read as a key quits as the SIGINT it stands for; `q` quits plainly.
    @Test func ctrlCQuitsAsAnInterrupt() async throws {
        var state = try await state()
        _ = App.update(&state, .key(.character("m")))
        #expect(App.update(&state, .key(.control("c"))) == [.quit])
        #expect(state.quitting && state.terminationSignal == SIGINT)
        var quit = try await self.state()
        #expect(App.update(&quit, .key(.character("q"))) == [.quit])
        #expect(quit.terminationSignal == nil)
        var signalled = try await self.state()
        #expect(App.update(&signalled, .terminationRequested(signal: SIGTERM)) == [.quit])
        #expect(signalled.quitting && signalled.terminationSignal == SIGTERM)
    }

    @Test func anEngineFailureStaysOnScreen() async throws {
        var state = try await state()
        let reason = "the constraint allows no token after the 52 generated tokens"
        _ = App.update(&state, .engine(.failed(reason)))
        for _ in 0..<(App.framesPerSecond * 30) { _ = App.update(&state, .frame) }
        #expect(state.notice == Notice(text: reason, isError: true, from: 0, seconds: 3600))
        #expect(App.render(state).line(39).contains(reason))
    }

    /// Before the first step a trace holds nothing `replay` can check: `w` says so and asks
    /// for no file.
    @Test func writingATraceBeforeTheFirstStepSavesNothing() async throws {
        var state = try await state()
        _ = App.update(&state, .engine(.started(state.configuration)))
        #expect(App.update(&state, .key(.character("w"))).isEmpty)
        #expect(state.notice?.text == "nothing to save yet: no step has run")
    }

    @Test func promptEditorTypesQAndAppliesWithCtrlD() async throws {
        var state = try await state()
        _ = App.update(&state, .key(.character("e")))
        _ = App.update(&state, .key(.control("u")))
        for c in "the dog sat quietly" { _ = App.update(&state, .key(.character(c))) }
        #expect(!state.quitting, "q is text inside the editor")
        #expect(App.update(&state, .key(.control("d"))) == [.setPrompt("the dog sat quietly", chat: false)])
        #expect(state.overlay == nil)
        #expect(state.promptText == "the dog sat quietly")
    }

    /// An empty prompt is refused with the reason in the editor, where the user is looking,
    /// until the next key (the footer's notice goes after a few seconds).
    @Test func anEmptyPromptIsRefusedWithTheReasonInTheEditor() async throws {
        var state = try await state()
        _ = App.update(&state, .key(.character("e")))
        _ = App.update(&state, .key(.control("u")))
        #expect(App.update(&state, .key(.control("d"))).isEmpty)
        for _ in 0..<(App.framesPerSecond * 10) { _ = App.update(&state, .frame) }
        #expect(state.notice == nil, "the footer's notice has gone")
        let frame = App.render(state).text
        #expect(frame.contains("│ the prompt is empty: type one, or Esc keeps the old one "), "\(frame)")
        _ = App.update(&state, .key(.character("a")))
        #expect(!App.render(state).text.contains("the prompt is empty"))
    }

    @Test func aRestartClearsTheTextAndFollowsTheNewest() async throws {
        var state = try await state()
        _ = App.update(&state, .key(.left))
        #expect(state.cursor != nil)
        _ = App.update(&state, .engine(.started(state.configuration)))
        #expect(state.tokens.isEmpty && state.steps.isEmpty && state.cursor == nil)
    }

    /// A held key sends many changes; the engine answers each with a `started` that can arrive
    /// after later presses. Those must not undo the presses (the header once drifted back).
    @Test func aLateStartedEventKeepsTheKeysChanges() async throws {
        var state = try await state()
        let before = state.configuration
        for _ in 0..<3 { _ = App.update(&state, .key(.character("T"))) }
        var stale = before
        stale.prompt = ToyRun.prompt([" the", " dog"])
        _ = App.update(&state, .engine(.started(stale)))
        #expect(abs(state.configuration.parameters.sampler.temperature - (before.parameters.sampler.temperature + 0.3)) < 1e-9)
        #expect(state.configuration.prompt == stale.prompt, "the prompt's tokens come from the engine")
        _ = App.update(&state, .configurationRefused(before))
        #expect(state.configuration == before, "a refused change shows what really runs")
    }

    /// The engine pauses at the end of its step; until then the header says it is pausing.
    @Test func spaceSaysPausingUntilTheEngineHasPaused() async throws {
        var state = try await state()
        _ = App.update(&state, .engine(.state(.running)))
        #expect(App.update(&state, .key(.character(" "))) == [.togglePause])
        #expect(state.status == .pausing && App.render(state).text.contains("⏸ pausing…"))
        _ = App.update(&state, .key(.character(" ")))
        #expect(state.status == .running, "a second press cancels the pause")
        _ = App.update(&state, .key(.character(" ")))
        _ = App.update(&state, .engine(.state(.paused)))
        #expect(state.status == .paused)
    }

    /// A second or more without an input pass means the process was stopped (Ctrl-Z): the
    /// engine is told so that its rate leaves the stop out.
    @Test func aStopIsReportedToTheEngine() async throws {
        var state = try await state()
        #expect(App.update(&state, .resumedAfterStop(seconds: 8)) == [.excludeStoppedTime(8)])
    }

    @Test func overlaysDoNotStopEngineEvents() async throws {
        var state = try await state()
        let before = state.tokens.count
        _ = App.update(&state, .key(.character("?")))
        let more = try await ToyRun.events(state.configuration, steps: 12).compactMap { event -> StepTrace? in
            if case .step(let trace) = event { trace } else { nil }
        }
        _ = App.update(&state, .engine(.step(more[10])))
        #expect(state.overlay == .help)
        #expect(state.tokens.count > before)
    }

    /// 10,000 random keys, resizes and engine events: nothing traps, the cursor stays valid and
    /// every frame still renders at the state's size.
    @Test func tenThousandRandomKeysNeverWedgeIt() async throws {
        var state = try await state()
        let events = try await ToyRun.events(state.configuration, steps: 40)
        var random = SeededRandom(seed: 2024)
        let bound = App.keymap.bindings.flatMap(\.keys)
        let extra: [Key] = [.escape, .backspace, .delete, .pageUp, .pageDown, .control("d"), .control("t"), .control("u"),
                            .function(5), .character("漢"), .character("\u{7}")]
        let pool = bound.filter { $0 != .character("q") && $0 != .control("c") && $0 != .function(10) } + extra
        for i in 0..<10_000 {
            let roll = random.next() % 100
            if roll < 85 {
                _ = App.update(&state, .key(pool[Int(random.next() % UInt64(pool.count))]))
            } else if roll < 95 {
                _ = App.update(&state, .engine(events[Int(random.next() % UInt64(events.count))]))
            } else {
                let size = Size(width: 20 + Int(random.next() % 140), height: 5 + Int(random.next() % 50))
                _ = App.update(&state, .resize(size))
            }
            if let cursor = state.cursor { #expect(state.tokens.indices.contains(cursor)) }
            if i % 50 == 0 { #expect(App.render(state).size == state.size) }
        }
        #expect(!state.quitting)
    }
}
