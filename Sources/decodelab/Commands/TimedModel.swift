import Decoding
import Inference
import Synchronization

/// A model that adds up the time spent inside it, so a benchmark can tell the Engine's and the
/// strategy's own work apart from the forward passes. It forwards every call unchanged.
final class TimedModel: LanguageModel {
    /// The running total, readable from outside the Engine actor that owns the model.
    final class Clock: Sendable {
        private let total = Mutex(0.0)
        var seconds: Double { total.withLock { $0 } }
        func add(_ seconds: Double) { total.withLock { $0 += seconds } }
    }

    private let base: any LanguageModel
    let clock = Clock()

    init(_ base: any LanguageModel) { self.base = base }

    var vocabulary: any Vocabulary { base.vocabulary }
    var contextLength: Int { base.contextLength }
    var layerCount: Int { base.layerCount }
    var committedCount: Int { base.committedCount }

    private func timed<Result>(_ body: () throws -> Result) rethrows -> Result {
        let started = ContinuousClock.now
        defer { clock.add((ContinuousClock.now - started).seconds) }
        return try body()
    }

    func evaluate(_ batch: [BatchToken], options: EvaluationOptions) throws -> Logits { try timed { try base.evaluate(batch, options: options) } }
    func commit(path: [Int]) throws { try timed { try base.commit(path: path) } }
    func truncate(to count: Int) { timed { base.truncate(to: count) } }
    func cacheSegment(from start: Int) -> CacheSegment { timed { base.cacheSegment(from: start) } }
    func restore(_ segment: CacheSegment) throws { try timed { try base.restore(segment) } }
}
