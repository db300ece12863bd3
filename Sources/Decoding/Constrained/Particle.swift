import Grammar
import Inference

/// One SMC particle: a continuation of the committed text with its importance weight, its
/// recognizer state, and its own KV positions (the committed cache is shared).
struct Particle: CachedContinuation {
    /// Generated tokens after the committed text.
    var suffix: [TracedToken]
    var state: RecognizerState
    var logWeight: Double
    /// KV positions of the suffix tokens evaluated so far (all but an unevaluated last token).
    var segment: CacheSegment
    /// Logits after the whole suffix; nil once finished.
    var nextLogits: [Float]?
    var finished: Bool
    /// This step's proposal: its log-weight and constraint checks (nil when it did not propose).
    var stepLogWeight: Double?
    var checks: Int?

    var isDead: Bool { logWeight == -.infinity }
    var suffixTokens: [TokenID] { suffix.map(\.token) }
}
