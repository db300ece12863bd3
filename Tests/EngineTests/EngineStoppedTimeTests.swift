import Foundation
import Testing
import Decoding
import Engine
import Inference

/// A stop of the whole process (Ctrl-Z) inside a step is not decoding time.
struct EngineStoppedTimeTests {
    /// A ToyModel whose every evaluation takes `delay`, standing in for a step that a stop
    /// stretched.
    final class SlowModel: LanguageModel {
        private let base = ToyModel(contextLength: 256)
        private let delay: Double

        init(delay: Double) { self.delay = delay }

        var vocabulary: any Vocabulary { base.vocabulary }
        var contextLength: Int { base.contextLength }
        var layerCount: Int { base.layerCount }
        var committedCount: Int { base.committedCount }

        func evaluate(_ batch: [BatchToken], options: EvaluationOptions) throws -> Logits {
            Thread.sleep(forTimeInterval: delay)
            return try base.evaluate(batch, options: options)
        }

        func commit(path: [Int]) throws { try base.commit(path: path) }
        func truncate(to count: Int) { base.truncate(to: count) }
        func cacheSegment(from start: Int) -> CacheSegment { base.cacheSegment(from: start) }
        func restore(_ segment: CacheSegment) throws { try base.restore(segment) }
    }

    @Test func aStopInsideTheLatestStepIsTakenBack() async throws {
        let engine = try Engine(model: SlowModel(delay: 0.3), configuration: samplingConfiguration(maxNewTokens: 10), buffering: .unbounded)
        for _ in 0..<2 { await engine.step() }
        let before = await engine.stats.decodeSeconds
        #expect(before >= 0.3, "the second step evaluated once")
        await engine.excludeStoppedTime(5)
        #expect(await engine.stats.decodeSeconds == before, "a stop longer than the step was not inside it")
        await engine.excludeStoppedTime(0.25)
        #expect(abs(await engine.stats.decodeSeconds - (before - 0.25)) < 1e-9)
        await engine.excludeStoppedTime(0.25)
        #expect(abs(await engine.stats.decodeSeconds - (before - 0.25)) < 1e-9, "a step gives its stop back once")
        await engine.shutdown()
    }
}
