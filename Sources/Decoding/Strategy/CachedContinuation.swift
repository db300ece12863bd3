import Inference

/// A continuation of the committed text that keeps its own KV positions, so several of them
/// (SMC particles, beam hypotheses) can take turns in the model's one cache.
protocol CachedContinuation {
    /// Generated tokens after the committed text.
    var suffixTokens: [TokenID] { get }
    /// KV positions of the suffix tokens evaluated so far: all but an unevaluated last token.
    var segment: CacheSegment { get set }
}
