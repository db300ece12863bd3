import Decoding
import Engine
import Inference
import UI

/// A deterministic run on the ToyModel: the engine is stepped by hand (no timing involved) and
/// its events are fed through `App.update`, exactly as the runner does.
enum ToyRun {
    static func prompt(_ words: [String]) -> [TokenID] {
        words.compactMap { ToyVocabulary().token(for: $0) }
    }

    static func state(
        strategy: String = "sampling", parameters: DecodingParameters = DecodingParameters(), steps: Int, seed: UInt64 = 1,
        maxNewTokens: Int = 200, size: Size, theme: Theme = .monochrome
    ) async throws -> AppState {
        let configuration = RunConfiguration(strategy: strategy, parameters: parameters, seed: seed, prompt: prompt([" the", " cat"]),
                                             maxNewTokens: maxNewTokens)
        var state = AppState(
            modelName: "ToyModel", vocabulary: ToyVocabulary(), strategies: StrategyCatalog.descriptors, configuration: configuration,
            promptText: "the cat", chat: false, chatAvailable: false, size: size, theme: theme)
        for event in try await events(configuration, steps: steps) {
            _ = App.update(&state, .engine(event))
        }
        return state
    }

    static func events(_ configuration: RunConfiguration, steps: Int) async throws -> [EngineEvent] {
        let engine = try Engine(model: ToyModel(seed: 0, contextLength: 512), configuration: configuration, buffering: .unbounded)
        for _ in 0..<steps { await engine.step() }
        await engine.shutdown()
        var events: [EngineEvent] = []
        for await event in engine.events { events.append(event) }
        // Timing differs run to run; the screen must not. The shutdown's cancellation is not
        // part of the run being shown (it stands paused after its last step).
        guard let cancelled = events.lastIndex(of: .finished(.cancelled)) else { return events.map(stripTiming) }
        return events[..<cancelled].map(stripTiming)
    }

    private static func stripTiming(_ event: EngineEvent) -> EngineEvent {
        switch event {
        case .step(var trace):
            trace.seconds = 0
            return .step(trace)
        case .stats(var stats):
            stats.decodeSeconds = 0
            stats.promptSeconds = 0
            return .stats(stats)
        default:
            return event
        }
    }
}
