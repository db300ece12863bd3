import Foundation
import Inference

/// One Monte Carlo losslessness test (reference speculative.md, Part 2.2): many seeded runs of a
/// strategy through the real loop — drafting, batched verification, KV rollback, bonus tokens —
/// on a small exact model, and the observed law of the first `length` generated tokens
/// compared with the target's exact law by enumeration.
public struct LosslessnessCheck: Sendable {
    /// What is being checked, for reports ("speculative-lookup").
    public var strategy: String
    /// Which configuration of it ("T=1, draft 2").
    public var configuration: String
    public var parameters: DecodingParameters
    /// The sampler settings whose law the strategy must reproduce.
    public var target: SamplerSettings
    /// Builds the strategy under test; a fresh one per run, so runs are independent.
    public var makeStrategy: @Sendable (DecodingParameters) throws -> any DecodingStrategy
    /// Builds the model; each worker gets its own (models hold a KV cache).
    public var makeModel: @Sendable () -> any LanguageModel
    public var prompt: [TokenID]
    public var length: Int
    public var samples: Int
    /// Run i uses seed `seed + i`, so the counts do not depend on how runs are split up.
    public var seed: UInt64
    public var alpha: Double

    public init(strategy: String, configuration: String, parameters: DecodingParameters, target: SamplerSettings,
                makeStrategy: @escaping @Sendable (DecodingParameters) throws -> any DecodingStrategy,
                makeModel: @escaping @Sendable () -> any LanguageModel,
                prompt: [TokenID], length: Int, samples: Int, seed: UInt64 = 1, alpha: Double = 1e-6) {
        self.strategy = strategy
        self.configuration = configuration
        self.parameters = parameters
        self.target = target
        self.makeStrategy = makeStrategy
        self.makeModel = makeModel
        self.prompt = prompt
        self.length = length
        self.samples = samples
        self.seed = seed
        self.alpha = alpha
    }

    /// Runs the samples on `workers` threads and tests the counts.
    public func run(workers: Int = ProcessInfo.processInfo.activeProcessorCount) async throws -> LosslessnessResult {
        let started = ContinuousClock.now
        let law = try SequenceLaw(model: makeModel(), prompt: prompt, chain: SamplerChain(settings: target), length: length)
        let workerCount = max(1, min(workers, samples))
        let counts = try await withThrowingTaskGroup(of: [[TokenID]: Int].self) { group in
            for worker in 0..<workerCount {
                let range = (samples * worker / workerCount)..<(samples * (worker + 1) / workerCount)
                group.addTask { try self.count(range) }
            }
            var total: [[TokenID]: Int] = [:]
            for try await part in group { total.merge(part, uniquingKeysWith: +) }
            return total
        }
        let fit = GoodnessOfFit(counts: counts, law: law.probabilities, alpha: alpha)
        return LosslessnessResult(strategy: strategy, configuration: configuration, fit: fit, seconds: (ContinuousClock.now - started).seconds)
    }

    /// Outcome counts of the runs in `range`.
    private func count(_ range: Range<Int>) throws -> [[TokenID]: Int] {
        let model = makeModel()
        var counts: [[TokenID]: Int] = [:]
        for index in range {
            let generated = try generate(model: model, seed: seed &+ UInt64(index))
            counts[SequenceLaw.outcome(of: generated, length: length, vocabulary: model.vocabulary), default: 0] += 1
        }
        return counts
    }

    /// One run, long enough to decide its outcome. The budget leaves room past `length`, so the
    /// last round drafts as it would mid-text rather than being cut short by the budget.
    private func generate(model: any LanguageModel, seed: UInt64) throws -> ArraySlice<TokenID> {
        var decoder = try makeStrategy(parameters)
        let context = DecodingContext(model: model, prompt: prompt, maxNewTokens: 4 * length + 8, seed: seed)
        var rounds = 0
        while context.generatedCount < length, context.tokenBudget > 0,
              !context.generatedTokens.contains(where: model.vocabulary.isEndOfGeneration) {
            _ = try decoder.step(context)
            rounds += 1
            guard rounds <= 64 * length else { throw StalledStrategy(strategy: strategy, rounds: rounds) }
        }
        return context.generatedTokens
    }
}
