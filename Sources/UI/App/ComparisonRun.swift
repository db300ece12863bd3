import Decoding
import Engine
import Inference

/// The second run of compare mode (`C`): another strategy on the same prompt, parameters,
/// constraint and seed, decoded by its own engine (and model instance, so its own KV cache).
public struct ComparisonRun: Sendable {
    public var strategy: String
    public var status: RunStatus = .starting
    public var steps: [StepTrace] = []
    public var tokens: [TokenEntry] = []
    public var stats = EngineStats()

    public init(strategy: String) {
        self.strategy = strategy
    }

    mutating func apply(_ event: EngineEvent, vocabulary: any Vocabulary) {
        switch event {
        case .started(let configuration):
            strategy = configuration.strategy
            steps.removeAll(keepingCapacity: true)
            tokens.removeAll(keepingCapacity: true)
            stats = EngineStats()
        case .step(let trace):
            tokens += TokenEntry.entries(of: trace, step: steps.count, vocabulary: vocabulary, after: tokens)
            steps.append(trace)
        case .stats(let newStats):
            stats = newStats
        case .state(let engineState):
            status.follow(engineState)
        case .finished(let reason):
            status = .finished(reason)
        case .failed(let message):
            status = .failed(message)
        }
    }
}
