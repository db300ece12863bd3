import Foundation
import Inference

/// The runtime's measured cost of verifying a batch: the median time of one evaluation of n
/// chained tokens (logits for all n) after a fixed context, for a few n. On a CPU this curve
/// decides whether speculation can pay: a round costs T(n)/T(1) plain steps.
public struct VerifyCost: Sendable, Equatable {
    /// Median seconds of one evaluation, by batch size.
    public var seconds: [Int: Double]
    /// Committed tokens the batches followed.
    public var context: Int

    public init(seconds: [Int: Double], context: Int) {
        self.seconds = seconds
        self.context = context
    }

    /// Times `batches` (each a chain after `contextTokens`, which are evaluated and committed
    /// first), `samples` times each, and keeps the medians. Leaves the model's cache empty.
    /// The batches are timed in rounds, every size once per round, after an untimed round:
    /// timing one size after another let a cold first size (caches, idle worker threads) pass
    /// for a slow one, and T(2)/T(1) came out below 1.
    public static func measure(model: any LanguageModel, contextTokens: [TokenID], batches: [[TokenID]], samples: Int) throws -> VerifyCost {
        model.truncate(to: 0)
        _ = try model.evaluateAndCommit(contextTokens)
        let chains = batches.map { BatchToken.chain($0, startingAt: contextTokens.count) }
        var times = [[Double]](repeating: [], count: chains.count)
        for round in 0...max(1, samples) {
            for (index, batch) in chains.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = try model.evaluate(batch, options: EvaluationOptions(outputRows: .all))
                if round > 0 { times[index].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9) }
            }
        }
        var seconds: [Int: Double] = [:]
        for (tokens, measured) in zip(batches, times) {
            seconds[tokens.count] = measured.sorted()[measured.count / 2]
        }
        model.truncate(to: 0)
        return VerifyCost(seconds: seconds, context: contextTokens.count)
    }

    /// Batch sizes measured for the TUI's cost panel; others are interpolated.
    public static let panelSizes = [1, 2, 4, 8, 16, 32]

    /// The panel's quick curve (five samples per size) after `prompt`, the text a run starts
    /// from, with batches made of its own tokens.
    public static func measure(model: any LanguageModel, after prompt: [TokenID]) throws -> VerifyCost {
        let largest = panelSizes.last ?? 1
        let context = Array(prompt.suffix(max(1, model.contextLength - largest)))
        guard !context.isEmpty else { return VerifyCost(seconds: [:], context: 0) }
        let batches = panelSizes.map { n in (0..<n).map { context[$0 % context.count] } }
        return try measure(model: model, contextTokens: context, batches: batches, samples: 5)
    }

    /// True when no batch measured faster than a smaller one. More tokens never take less
    /// time, so false means the timings are noise-bound (other work on the cores) and ratios
    /// from them can fall below 1; the panel says so rather than timing again, which would hold
    /// decoding up for seconds more on the machine that is already busy.
    public var isMonotone: Bool {
        let ordered = seconds.sorted { $0.key < $1.key }.map(\.value)
        return zip(ordered, ordered.dropFirst()).allSatisfy { $0 <= $1 }
    }

    /// The most any drafter could gain on this curve: if every drafted token were accepted, a
    /// pass of n tokens would cost T(n)/T(1) steps, so speculation is at most n·T(1)/T(n)
    /// times faster than plain decoding, best over the measured n (before the time drafting
    /// and the engine's bookkeeping take). nil without T(1).
    public var ceiling: (speedup: Double, tokensPerPass: Int)? {
        seconds.keys.sorted().compactMap { n in ratio(n).map { (speedup: Double(n) / $0, tokensPerPass: n) } }
            .max { $0.speedup < $1.speedup }
    }

    /// T(n)/T(1), interpolated linearly between measured sizes and extrapolated from the last
    /// two beyond them; nil without T(1).
    public func ratio(_ n: Int) -> Double? {
        guard let one = seconds[1], one > 0 else { return nil }
        return time(n).map { $0 / one }
    }

    private func time(_ n: Int) -> Double? {
        if let exact = seconds[n] { return exact }
        let sizes = seconds.keys.sorted()
        guard sizes.count >= 2 else { return sizes.first.flatMap { seconds[$0] } }
        let upper = sizes.firstIndex { $0 > n } ?? sizes.count - 1
        let (a, b) = (sizes[max(upper - 1, 0)], sizes[max(upper, 1)])
        guard let ta = seconds[a], let tb = seconds[b] else { return nil }
        return ta + (tb - ta) * Double(n - a) / Double(b - a)
    }
}
