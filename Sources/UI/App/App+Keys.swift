import Decoding
import Engine
import Glibc

extension App {
    /// Keys go to the open overlay first; otherwise the keymap decides.
    static func handle(_ key: Key, in state: inout AppState) -> [AppCommand] {
        // The "too small" notice hides the screen: keys acting on it would change what the
        // user cannot see, so only quitting (as the notice says) and redraw work there. While
        // text is being typed `q` is a letter, not a command: the text waits for the terminal
        // to grow back, and only Ctrl-C quits.
        if !state.size.fitsScreen {
            let typing = state.overlay?.takesText == true
            guard let action = keymap.action(for: key), action == .redraw || action == .interrupt || (action.quits && !typing) else { return [] }
            return perform(action, in: &state)
        }
        if let overlay = state.overlay {
            return handle(key, overlay: overlay, in: &state)
        }
        guard let action = keymap.action(for: key) else { return [] }
        return perform(action, in: &state)
    }

    static func perform(_ action: Action, in state: inout AppState) -> [AppCommand] {
        switch action {
        case .help: state.overlay = .help
        case .quit, .interrupt:
            state.quitting = true
            // Ctrl-C read as a key ends the session as the SIGINT it stands for.
            if action == .interrupt { state.terminationSignal = SIGINT }
            return [.quit]
        case .redraw: return [.redraw]
        case .writeTrace:
            // A trace without a step is one `replay` refuses: write nothing, and say why.
            guard !state.steps.isEmpty else {
                show("nothing to save yet: no step has run", in: &state)
                return []
            }
            return [.writeTrace]
        case .togglePause:
            // A second press while pausing cancels it: the engine pauses and resumes at the
            // same step end, and the header says so now.
            switch state.status {
            case .running: state.status = .pausing
            case .pausing: state.status = .running
            // After the end the engine's start replays the run: say so, it is not a resume.
            case .finished, .failed: show("the run had ended — replaying it from the prompt, same seed", in: &state)
            case .starting, .paused: break
            }
            return [.togglePause]
        case .step:
            // The engine steps nothing after the end: say why the key does nothing.
            switch state.status {
            case .finished: show("the run has finished — r restarts it", in: &state)
            case .failed(let reason): show("the run failed (\(reason)) — r restarts it", isError: true, in: &state)
            case .starting, .running, .pausing, .paused: return [.step]
            }
        case .pickStrategy(let number): return pickStrategy(number - 1, in: &state)
        case .nextStrategy, .previousStrategy:
            return cycleStrategy(by: action == .nextStrategy ? 1 : -1, in: &state)
        case .pickStrategyMenu: state.overlay = .strategyPicker(selected: state.strategyIndex ?? 0)
        case .compare:
            if state.comparison != nil { return endComparison(in: &state) }
            // Starts past the running strategy, which cannot be compared with itself.
            state.overlay = .comparisonPicker(selected: state.strategyIndex.map { ($0 + 1) % max(1, state.strategies.count) } ?? 0)
            show("compare: pick the second strategy (Esc cancels)", in: &state)
        case .endComparison:
            if state.comparison != nil { return endComparison(in: &state) }
        case .restart: return [.restart]
        case .newSeed:
            state.configuration.seed = nextSeed(after: state.configuration.seed)
            show("seed \(state.configuration.seed) — replaying from the prompt", in: &state)
            return [.setSeed(state.configuration.seed)]
        case .editPrompt: state.overlay = .promptEditor(PromptEditor(text: state.promptText, chat: state.chat && state.chatAvailable))
        case .constraint: openConstraintPicker(thenStrategy: nil, in: &state)
        case .nextLens:
            state.lens = state.lens.next
            show("lens: \(state.lens.rawValue) — \(state.lens.legendText)", in: &state)
        case .nextTheme: return [.loadTheme(offset: 1)]
        case .temperature(let up): return adjust("temperature", up: up, in: &state)
        case .topP(let up): return adjust("top-p", up: up, in: &state)
        case .topK(let up): return adjust("top-k", up: up, in: &state)
        case .nextOwnParameter: pickNextOwnParameter(in: &state)
        case .ownParameter(let up):
            guard let descriptor = selectedOwnParameter(in: &state) else { return [] }
            return adjust(descriptor.name, up: up, in: &state)
        case .cursorLeft, .cursorRight, .cursorUp, .cursorDown, .cursorOldest, .cursorNewest: moveCursor(action, in: &state)
        case .focusNext: state.focus = state.focus.moved(by: 1)
        case .focusPrevious: state.focus = state.focus.moved(by: -1)
        case .zoom: state.zoomed.toggle()
        case .tokenDetail:
            if state.selectedToken != nil { state.overlay = .tokenDetail } else { show("no token yet", in: &state) }
        }
        return []
    }

    static func pickStrategy(_ index: Int, in state: inout AppState) -> [AppCommand] {
        guard state.strategies.indices.contains(index) else {
            show("no strategy \(index + 1) (there are \(state.strategies.count))", in: &state)
            return []
        }
        let name = state.strategies[index].name
        if state.strategies[index].needsConstraint, state.configuration.parameters.constraint == nil {
            openConstraintPicker(thenStrategy: name, in: &state)
            show("\(name) needs a constraint: pick one (Esc keeps \(state.configuration.strategy))", in: &state)
            return []
        }
        show("strategy \(index + 1): \(name) — same prompt, same seed", in: &state)
        // Shown at once; the engine's `started` event confirms it (a run that never started
        // sends none until Space).
        state.configuration.strategy = name
        return [.switchStrategy(name)] + measureVerifyCostIfShown(&state)
    }

    /// Runs strategy `index` beside the current one on the same prompt, parameters, constraint
    /// and seed; both restart together.
    static func startComparison(_ index: Int, in state: inout AppState) -> [AppCommand] {
        guard state.strategies.indices.contains(index) else { return [] }
        let strategy = state.strategies[index]
        if strategy.name == state.configuration.strategy {
            show("\(strategy.name) is the running strategy: pick another one to compare it with", isError: true, in: &state)
            return []
        }
        if strategy.needsConstraint, state.configuration.parameters.constraint == nil {
            show("\(strategy.name) needs a constraint: load one with c first", isError: true, in: &state)
            return []
        }
        var configuration = state.configuration
        configuration.strategy = strategy.name
        state.comparison = ComparisonRun(strategy: strategy.name)
        state.zoomed = false
        show("comparing \(state.configuration.strategy) with \(strategy.name) — same prompt, same seed (C or Esc ends)", in: &state)
        return [.startComparison(configuration)]
    }

    static func endComparison(in state: inout AppState) -> [AppCommand] {
        state.comparison = nil
        show("compare mode off — \(state.configuration.strategy) continues", in: &state)
        return [.stopComparison]
    }

    /// The own parameter `-`/`+` move (the cursor wraps, so it survives strategy switches); nil,
    /// saying so on the status line, for a strategy that has none.
    static func selectedOwnParameter(in state: inout AppState) -> ParameterDescriptor? {
        guard let own = state.strategy?.ownParameters, !own.isEmpty else {
            show("\(state.configuration.strategy) has no parameters of its own", in: &state)
            return nil
        }
        return own[state.ownParameterCursor % own.count]
    }

    static func pickNextOwnParameter(in state: inout AppState) {
        state.ownParameterCursor += 1
        guard let descriptor = selectedOwnParameter(in: &state) else { return }
        let value = descriptor.value(in: state.configuration.parameters).map { Format.parameter($0, of: descriptor) } ?? "unset"
        show("\(descriptor.name) \(value) — - / + change it (\(descriptor.summary))", in: &state)
    }

    /// Moves a parameter of the current strategy by its descriptor's step, within its range.
    static func adjust(_ name: String, up: Bool, in state: inout AppState) -> [AppCommand] {
        guard let descriptor = state.strategy?.parameters.first(where: { $0.name == name }) else {
            show("\(state.configuration.strategy) has no \(name)", in: &state)
            return []
        }
        let current = descriptor.value(in: state.configuration.parameters) ?? descriptor.range.lowerBound
        let stepped = current + (up ? descriptor.step : -descriptor.step)
        // Snap to the step grid, then drop binary noise (7 × 0.1 is 0.7000000000000001).
        let snapped = ((stepped / descriptor.step).rounded() * descriptor.step * 1e6).rounded() / 1e6
        let range = state.modelLayerCount.map { descriptor.range(onModelWith: $0) } ?? descriptor.range
        let value = min(range.upperBound, max(range.lowerBound, snapped))
        guard value != current else {
            let bound = up && range.upperBound < descriptor.range.upperBound ? " on a model of \(state.modelLayerCount ?? 0) layers" : ""
            show("\(name) is at its \(up ? "maximum" : "minimum") \(Format.parameter(value, of: descriptor))\(bound)", in: &state)
            return []
        }
        show("\(name) \(Format.parameter(value, of: descriptor)) — replaying from the prompt", in: &state)
        state.configuration.parameters.set(name, to: value)
        return [.setParameter(name, value)]
    }

    /// `s`/`S` step through the strategies, passing over those that need a constraint while
    /// none is loaded (picking one by number or from the menu asks for it instead).
    static func cycleStrategy(by offset: Int, in state: inout AppState) -> [AppCommand] {
        let count = state.strategies.count
        guard count > 0 else { return [] }
        let current = state.strategyIndex ?? 0
        let hasConstraint = state.configuration.parameters.constraint != nil
        for step in 1...count {
            let index = ((current + offset * step) % count + count) % count
            if hasConstraint || !state.strategies[index].needsConstraint {
                return pickStrategy(index, in: &state)
            }
        }
        return []
    }

    static func openConstraintPicker(thenStrategy: String?, in state: inout AppState) {
        state.overlay = .constraintPicker(ConstraintPicker(
            files: state.constraintFiles, current: state.configuration.parameters.constraint, thenStrategy: thenStrategy,
            searched: state.constraintSearch))
    }

    /// How to reach the strategies that apply a constraint: "keys 6-9", "keys 8 9, m or s",
    /// or "m or s" when none has a number key; nil when there are none.
    static func constrainedKeys(_ strategies: [StrategyDescriptor]) -> String? {
        let numbers = strategies.indices.filter { strategies[$0].needsConstraint }.map { $0 + 1 }
        guard !numbers.isEmpty else { return nil }
        let keyed = numbers.filter { $0 <= 9 }
        guard let first = keyed.first, let last = keyed.last else { return "m or s" }
        let keys = keyed.count > 2 && last - first == keyed.count - 1 ? "\(first)-\(last)" : keyed.map(String.init).joined(separator: " ")
        return keyed.count < numbers.count ? "keys \(keys), m or s" : "keys \(keys)"
    }

    /// SplitMix-style step so `R` walks a reproducible sequence of seeds.
    static func nextSeed(after seed: UInt64) -> UInt64 {
        var z = seed &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return (z ^ (z >> 31)) % 1_000_000
    }

    static func moveCursor(_ action: Action, in state: inout AppState) {
        guard !state.tokens.isEmpty else { return }
        let last = state.tokens.count - 1
        let current = state.cursor ?? last
        switch action {
        case .cursorLeft, .cursorRight:
            // Outside the source lens rejected drafts are not drawn: the cursor passes them.
            let step = action == .cursorLeft ? -1 : 1
            var target = current + step
            while state.lens != .source, state.tokens.indices.contains(target), state.tokens[target].isRejectedDraft {
                target += step
            }
            state.cursor = target > last ? nil : target < 0 ? current : target
        case .cursorOldest:
            state.cursor = state.lens == .source ? 0 : state.tokens.firstIndex { !$0.isRejectedDraft } ?? 0
        case .cursorNewest: state.cursor = nil
        case .cursorUp, .cursorDown:
            let width = Panel.inner(ScreenLayout(size: state.size).text).width
            let flow = TokenFlow(prompt: state.promptText, tokens: state.tokens, width: width, promptOnOwnLine: state.chat, showingRejectedDrafts: state.lens == .source)
            // A token spanning rows (a double line break) is passed, not landed on again.
            var line = flow.lineOfToken[current] + (action == .cursorUp ? -1 : 1)
            while flow.token(onLine: line, nearColumn: flow.columnOfToken[current]) == current {
                line += action == .cursorUp ? -1 : 1
            }
            if let target = flow.token(onLine: line, nearColumn: flow.columnOfToken[current]) {
                state.cursor = target >= last && action == .cursorDown ? nil : target
            } else if action == .cursorDown {
                state.cursor = nil
            }
        default: break
        }
    }
}
