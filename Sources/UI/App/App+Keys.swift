import Decoding
import Engine

extension App {
    /// Keys go to the open overlay first; otherwise the keymap decides.
    static func handle(_ key: Key, in state: inout AppState) -> [AppCommand] {
        if let overlay = state.overlay {
            return handle(key, overlay: overlay, in: &state)
        }
        guard let action = keymap.action(for: key) else { return [] }
        return perform(action, in: &state)
    }

    static func perform(_ action: Action, in state: inout AppState) -> [AppCommand] {
        switch action {
        case .help: state.overlay = .help
        case .quit:
            state.quitting = true
            return [.quit]
        case .redraw: return [.redraw]
        case .writeTrace: return [.writeTrace]
        case .togglePause: return [.togglePause]
        case .step: return [.step]
        case .pickStrategy(let number): return pickStrategy(number - 1, in: &state)
        case .nextStrategy, .previousStrategy:
            guard !state.strategies.isEmpty else { return [] }
            let offset = action == .nextStrategy ? 1 : -1
            let current = state.strategyIndex ?? 0
            return pickStrategy((current + offset + state.strategies.count) % state.strategies.count, in: &state)
        case .pickStrategyMenu: state.overlay = .strategyPicker(selected: state.strategyIndex ?? 0)
        case .restart: return [.restart]
        case .newSeed:
            state.configuration.seed = nextSeed(after: state.configuration.seed)
            return [.setSeed(state.configuration.seed)]
        case .editPrompt: state.overlay = .promptEditor(PromptEditor(text: state.promptText, chat: state.chat && state.chatAvailable))
        case .constraint: return constraint(in: &state)
        case .nextLens:
            state.lens = state.lens.next
            show("lens: \(state.lens.rawValue) — \(state.lens.legendText)", in: &state)
        case .nextTheme: return [.loadTheme(offset: 1)]
        case .temperature(let up): return adjust("temperature", up: up, in: &state)
        case .topP(let up): return adjust("top-p", up: up, in: &state)
        case .topK(let up): return adjust("top-k", up: up, in: &state)
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
        show("strategy \(index + 1): \(name) — same prompt, same seed", in: &state)
        // Shown at once; the engine's `started` event confirms it (a run that never started
        // sends none until Space).
        state.configuration.strategy = name
        return [.switchStrategy(name)]
    }

    /// Moves a parameter of the current strategy by its descriptor's step, within its range.
    static func adjust(_ name: String, up: Bool, in state: inout AppState) -> [AppCommand] {
        guard let descriptor = state.strategy?.parameters.first(where: { $0.name == name }) else {
            show("\(state.configuration.strategy) has no \(name)", in: &state)
            return []
        }
        let current = state.configuration.parameters.value(name) ?? descriptor.range.lowerBound
        let stepped = current + (up ? descriptor.step : -descriptor.step)
        // Snap to the step grid, then drop binary noise (7 × 0.1 is 0.7000000000000001).
        let snapped = ((stepped / descriptor.step).rounded() * descriptor.step * 1e6).rounded() / 1e6
        let value = min(descriptor.range.upperBound, max(descriptor.range.lowerBound, snapped))
        guard value != current else {
            show("\(name) is at its \(up ? "maximum" : "minimum") \(Format.fixed(value, 2))", in: &state)
            return []
        }
        show("\(name) \(Format.fixed(value, 2)) — replaying from the prompt", in: &state)
        state.configuration.parameters.set(name, to: value)
        return [.setParameter(name, value)]
    }

    /// Constraints come from the command line or a scenario; `c` says which one is loaded and
    /// whether any strategy can use it.
    static func constraint(in state: inout AppState) -> [AppCommand] {
        if !state.strategies.contains(where: { $0.family == .constrained }) {
            show("no constraints available yet: no constrained strategy is built in", in: &state)
        } else if let constraint = state.configuration.parameters.constraint {
            show("constraint: \(constraint.kind.rawValue) from \(constraint.origin ?? "the scenario") — constrained strategies apply it", in: &state)
        } else {
            show("no constraint loaded: start with --grammar-file FILE, --json-schema FILE or a scenario", in: &state)
        }
        return []
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
        case .cursorLeft: state.cursor = max(0, current - 1)
        case .cursorRight: state.cursor = current + 1 > last ? nil : current + 1
        case .cursorOldest: state.cursor = 0
        case .cursorNewest: state.cursor = nil
        case .cursorUp, .cursorDown:
            let width = Panel.inner(ScreenLayout(size: state.size).text).width
            let flow = TokenFlow(prompt: state.promptText, tokens: state.tokens, width: width, promptOnOwnLine: state.chat, showingRejectedDrafts: state.lens == .source)
            let line = flow.lineOfToken[current] + (action == .cursorUp ? -1 : 1)
            if let target = flow.token(onLine: line, nearColumn: flow.columnOfToken[current]) {
                state.cursor = target >= last && action == .cursorDown ? nil : target
            } else if action == .cursorDown {
                state.cursor = nil
            }
        default: break
        }
    }
}
