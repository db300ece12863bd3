import Decoding
import Engine
import Inference

/// One complete run of the Engine, as `generate` would make it: its steps, final counters and
/// text. Bench runs reuse one Engine, reconfiguring it between runs.
struct EngineRun {
    var steps: [StepTrace] = []
    var stats = EngineStats()
    var reason = FinishReason.cancelled

    var tokens: [TokenID] { steps.flatMap(\.committedTokens).map(\.token) }

    /// Restarts `engine` under `strategy` (same prompt, parameters and seed) and collects the
    /// run from `events`, the engine's one event stream.
    static func decode(_ strategy: String, engine: Engine, events: inout AsyncStream<EngineEvent>.Iterator) async throws -> EngineRun {
        try await engine.switchStrategy(to: strategy)
        await engine.start()
        var run = EngineRun()
        while let event = await events.next() {
            switch event {
            case .step(let trace): run.steps.append(trace)
            case .stats(let stats): run.stats = stats
            case .finished(let reason):
                run.reason = reason
                return run
            case .failed(let message): throw GenerateCommand.EngineFailure(message: message)
            case .started, .state: continue
            }
        }
        throw GenerateCommand.EngineFailure(message: "the engine closed its event stream during a run")
    }
}
