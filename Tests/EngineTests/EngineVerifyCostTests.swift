import Testing
import Decoding
import Engine
import Inference
import Synchronization

/// The cost panel's T(n) curve is measured by the Engine on its own model between two steps.
struct EngineVerifyCostTests {
    /// The measurement empties the KV cache and the engine writes it back: the run goes on
    /// token for token as if nothing had happened.
    @Test(arguments: ["sampling", "speculative-lookup"])
    func measuringBetweenStepsLeavesTheRunUnchanged(strategy: String) async throws {
        var configuration = samplingConfiguration(maxNewTokens: 60, temperature: 0)
        configuration.strategy = strategy
        let engine = try Engine(model: ToyModel(contextLength: 512), configuration: configuration, buffering: .unbounded)
        for _ in 0..<6 { await engine.step() }
        let cost = try await engine.measureVerifyCost()
        #expect(Set(cost.seconds.keys) == Set(VerifyCost.panelSizes))
        #expect(cost.context == configuration.prompt.count)
        #expect(cost.seconds.values.allSatisfy { $0 > 0 })
        await engine.start()
        let events = await eventsUntilEnd(of: engine)
        #expect(events.last == .finished(.length))
        #expect(committedTokens(in: events) == (try directTokens(configuration, model: ToyModel(contextLength: 512))))
    }

    /// The written-back cache is the run's own: the next step evaluates only its new token
    /// instead of prefilling the whole text again.
    @Test func theNextStepFindsTheCommittedCacheInPlace() async throws {
        let batches = BatchSizes()
        let model = BatchRecordingModel(ToyModel(contextLength: 512), batches: batches)
        let engine = try Engine(model: model, configuration: samplingConfiguration(maxNewTokens: 40), buffering: .unbounded)
        for _ in 0..<6 { await engine.step() }
        _ = try await engine.measureVerifyCost()
        let measured = batches.sizes.count
        await engine.step()
        #expect(Array(batches.sizes.dropFirst(measured)) == [1])
    }

    /// Before the first step (a run opened paused) it measures too, and the run starts normally.
    @Test func measuringBeforeTheRunStartsLeavesItUnchanged() async throws {
        let configuration = samplingConfiguration(maxNewTokens: 30)
        let engine = try Engine(model: ToyModel(contextLength: 512), configuration: configuration, buffering: .unbounded)
        _ = try await engine.measureVerifyCost()
        #expect(await engine.state == .idle)
        await engine.start()
        #expect(committedTokens(in: await eventsUntilEnd(of: engine)) == (try directTokens(configuration, model: ToyModel(contextLength: 512))))
    }
}

/// The size of every batch a model evaluated, readable from outside the Engine that owns it.
final class BatchSizes: Sendable {
    private let recorded = Mutex<[Int]>([])
    var sizes: [Int] { recorded.withLock { $0 } }
    func record(_ size: Int) { recorded.withLock { $0.append(size) } }
}

/// A ToyModel that records its batch sizes and forwards everything else unchanged.
final class BatchRecordingModel: LanguageModel {
    private let base: ToyModel
    private let batches: BatchSizes

    init(_ base: ToyModel, batches: BatchSizes) {
        self.base = base
        self.batches = batches
    }

    var vocabulary: any Vocabulary { base.vocabulary }
    var contextLength: Int { base.contextLength }
    var layerCount: Int { base.layerCount }
    var committedCount: Int { base.committedCount }

    func evaluate(_ batch: [BatchToken], options: EvaluationOptions) throws -> Logits {
        batches.record(batch.count)
        return try base.evaluate(batch, options: options)
    }

    func commit(path: [Int]) throws { try base.commit(path: path) }
    func truncate(to count: Int) { base.truncate(to: count) }
    func cacheSegment(from start: Int) -> CacheSegment { base.cacheSegment(from: start) }
    func restore(_ segment: CacheSegment) throws { try base.restore(segment) }
}
