/// A decoding strategy: each `step` advances the text by zero or more tokens, appending the
/// committed ones to the context, and says what it did. Strategies draw randomness only from
/// `context.random`, so a run is a pure function of model, prompt, parameters and seed.
public protocol DecodingStrategy {
    var descriptor: StrategyDescriptor { get }

    mutating func step(_ context: DecodingContext) throws -> StepResult
}
