import Decoding
import Engine

extension App {
    public static func update(_ state: inout AppState, _ msg: Msg) -> [AppCommand] {
        switch msg {
        case .key(let key):
            state.dirty = true
            return handle(key, in: &state)
        case .resize(let size):
            state.size = size
            state.dirty = true
            return []
        case .frame:
            state.frame += 1
            if let notice = state.notice, state.frame > notice.expiresAtFrame {
                state.notice = nil
                state.dirty = true
            }
            return []
        case .engine(let event):
            apply(event, to: &state)
            state.dirty = true
            return []
        case .comparisonEngine(let event):
            // Events still in flight from a comparison that was just closed are dropped.
            guard state.comparison != nil else { return [] }
            state.comparison?.apply(event, vocabulary: state.vocabulary)
            state.dirty = true
            return []
        case .notice(let text, let isError):
            show(text, isError: isError, in: &state)
            return []
        case .themeLoaded(let theme):
            state.theme = theme
            state.dirty = true
            show("theme: \(theme.name)", in: &state)
            return []
        case .constraintLoaded(let constraint, let strategy, let warnings):
            if case .constraintPicker = state.overlay { state.overlay = nil }
            state.configuration.parameters.constraint = constraint
            if let strategy { state.configuration.strategy = strategy }
            announce(constraint, warnings: warnings, in: &state)
            return []
        case .configurationRefused(let running):
            state.configuration = running
            state.dirty = true
            return []
        case .verifyCostMeasured(let cost):
            state.verifyCost = .measured(cost)
            state.dirty = true
            return []
        case .verifyCostFailed(let message):
            state.verifyCost = .failed(message)
            state.dirty = true
            return []
        case .terminationRequested(let signal):
            state.quitting = true
            state.terminationSignal = signal
            return [.quit]
        case .resumedAfterStop(let seconds):
            return [.excludeStoppedTime(seconds)]
        }
    }

    static func apply(_ event: EngineEvent, to state: inout AppState) {
        switch event {
        case .started(let configuration):
            // Strategy, parameters and seed are what the keys last asked for: the `started` of
            // an earlier key press can arrive after later ones and must not undo them (a held
            // key once drifted back). The prompt's tokens come from the engine.
            state.configuration.prompt = configuration.prompt
            state.configuration.maxNewTokens = configuration.maxNewTokens
            state.steps.removeAll(keepingCapacity: true)
            state.tokens.removeAll(keepingCapacity: true)
            state.stats = EngineStats()
            state.cursor = nil
        case .step(let trace):
            state.tokens += TokenEntry.entries(of: trace, step: state.steps.count, vocabulary: state.vocabulary, after: state.tokens)
            state.steps.append(trace)
        case .stats(let stats):
            state.stats = stats
        case .state(let engineState):
            state.status.follow(engineState)
        case .finished(let reason):
            state.status = .finished(reason)
        case .failed(let message):
            state.status = .failed(message)
            // The header only says "failed": the reason stays until something replaces it.
            state.notice = Notice(text: message, isError: true, from: state.frame, seconds: 3600)
            state.dirty = true
        }
    }

    /// Says what the new constraint does now: applied by the current strategy, or waiting for
    /// a constrained one (with the keys that pick one). A warning about it (a grammar rule
    /// defined twice) goes first, and stays longer so that it can be read.
    static func announce(_ constraint: ConstraintSpec?, warnings: [String], in state: inout AppState) {
        let text = announcement(of: constraint, in: state)
        guard let warning = warnings.first else { return show(text, in: &state) }
        let more = warnings.count > 1 ? " (+\(warnings.count - 1) more)" : ""
        state.notice = Notice(text: "warning: \(warning)\(more) — \(text)", from: state.frame, seconds: 10)
        state.dirty = true
    }

    private static func announcement(of constraint: ConstraintSpec?, in state: AppState) -> String {
        guard let constraint else { return "constraint removed — decoding unconstrained from the prompt" }
        let name = "\(constraint.displayName) (\(constraint.kind.rawValue))"
        if let strategy = state.strategy, strategy.needsConstraint {
            return "constraint \(name) — \(strategy.name) from the prompt, same seed"
        } else if let keys = constrainedKeys(state.strategies) {
            return "constraint loaded: \(name) — pick a constrained strategy (\(keys))"
        }
        return "constraint loaded: \(name) — no constrained strategy is built in to apply it"
    }

    static func show(_ text: String, isError: Bool = false, in state: inout AppState) {
        state.notice = Notice(text: text, isError: isError, from: state.frame)
        state.dirty = true
    }
}
