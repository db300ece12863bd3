import Decoding
import Engine
import Inference

/// Reads events until the run ends (finished or failed) and returns them all.
func eventsUntilEnd(of engine: Engine) async -> [EngineEvent] {
    var seen: [EngineEvent] = []
    for await event in engine.events {
        seen.append(event)
        switch event {
        case .finished, .failed: return seen
        default: continue
        }
    }
    return seen
}

/// Committed tokens of the step events after the last `started`.
func committedTokens(in events: [EngineEvent]) -> [TokenID] {
    let lastStart = events.lastIndex { if case .started = $0 { true } else { false } } ?? -1
    return events[(lastStart + 1)...].flatMap { event -> [TokenID] in
        if case .step(let trace) = event { return trace.committedTokens.map(\.token) }
        return []
    }
}

/// Sampling on the ToyModel with the end token biased away, so runs last as long as asked.
func samplingConfiguration(seed: UInt64 = 1, maxNewTokens: Int = 30, temperature: Double = 1.2) -> RunConfiguration {
    var parameters = DecodingParameters()
    parameters.sampler.logitBias = [ToyVocabulary.endToken: -100]
    parameters.sampler.temperature = temperature
    parameters.sampler.topK = 0
    parameters.sampler.topP = 1
    parameters.sampler.minP = 0
    return RunConfiguration(strategy: "sampling", parameters: parameters, seed: seed, prompt: [1, 3], maxNewTokens: maxNewTokens)
}

/// The same run without the Engine: what the Engine must reproduce token for token.
func directTokens(_ configuration: RunConfiguration, model: any LanguageModel) throws -> [TokenID] {
    var strategy = try StrategyCatalog.make(configuration.strategy, parameters: configuration.parameters)
    let context = DecodingContext(model: model, prompt: configuration.prompt, maxNewTokens: configuration.maxNewTokens, seed: configuration.seed)
    while context.tokenBudget > 0, !(context.generatedTokens.last.map(model.vocabulary.isEndOfGeneration) ?? false) {
        _ = try strategy.step(context)
    }
    return Array(context.generatedTokens)
}
