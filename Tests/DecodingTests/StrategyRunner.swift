import Decoding
import Inference

/// Runs a strategy to the end (EOS or budget) without the Engine, for strategy tests.
func decode(_ strategy: inout some DecodingStrategy, model: any LanguageModel, prompt: [TokenID], maxNewTokens: Int, seed: UInt64 = 1) throws -> (tokens: [TokenID], steps: [StepResult]) {
    let context = DecodingContext(model: model, prompt: prompt, maxNewTokens: maxNewTokens, seed: seed)
    var steps: [StepResult] = []
    while context.tokenBudget > 0, !(context.generatedTokens.last.map(model.vocabulary.isEndOfGeneration) ?? false) {
        steps.append(try strategy.step(context))
    }
    return (Array(context.generatedTokens), steps)
}
