import Foundation
import Testing
import TestSupport
import Decoding
import Engine
import Inference

struct OverheadMeasurement {
    @Test func measure() async throws {
        let path = try GoldenData.defaultModelPath()
        let gguf = try GGUFFile(path: path)
        let tokenizer = try Tokenizer(gguf: gguf)
        let prompt = tokenizer.encode("The capital of France is")
        let n = 48
        let clock = ContinuousClock()
        for strategy in ["greedy", "sampling"] {
            // Direct: the model alone, argmax per token.
            let model = try LlamaModel(gguf: gguf, vocabulary: tokenizer, threads: 2)
            var logits = try model.evaluateAndCommit(prompt)
            let directStart = clock.now
            for _ in 0..<n {
                let row = logits.row(0)
                var best = row.startIndex
                for i in row.indices where row[i] > row[best] { best = i }
                logits = try model.evaluateAndCommit([TokenID(best - row.startIndex)])
            }
            let direct = (clock.now - directStart)
            var configuration = RunConfiguration(strategy: strategy, seed: 1, prompt: prompt, maxNewTokens: n + 1)
            configuration.parameters.sampler.temperature = 0.8
            let engine = try Engine(model: try LlamaModel(gguf: gguf, vocabulary: tokenizer, threads: 2), configuration: configuration, buffering: .unbounded)
            await engine.start()
            var stats = EngineStats()
            for await event in engine.events {
                if case .stats(let s) = event { stats = s }
                if case .finished = event { break }
            }
            // Non-model work of one step, on a real logit row.
            let row = Array(logits.row(0))
            let chain = SamplerChain(settings: configuration.parameters.sampler)
            let cpuStart = clock.now
            for _ in 0..<50 {
                if strategy == "greedy" {
                    let d = Distribution(logits: row)
                    _ = (d.argmax, d.view(stage: "raw", label: "raw", topCount: 10), d.entropy, d.varentropy)
                } else {
                    _ = chain.run(logits: row, history: prompt)
                }
            }
            let perStepCPU = (clock.now - cpuStart) / 50
            // Engine decodeSeconds covers n+1 steps; its last step evaluates nothing new, so
            // compare the n evaluated steps against the direct loop.
            print("OVERHEAD \(strategy): direct \(direct / n) per token; engine \(stats.decodeSeconds / Double(n + 1) * 1000) ms per step over \(stats.generatedTokens) tokens; non-model work per step \(perStepCPU)")
        }
    }
}
