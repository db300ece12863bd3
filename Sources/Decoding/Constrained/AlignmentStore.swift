import Inference
import Synchronization

/// The process-wide ASAp tries: one per prompt, constraint, temperature and vocabulary, so
/// every new sample of the same question (a restart, a new seed) refines the same estimates.
enum AlignmentStore {
    struct Key: Hashable, Sendable {
        var prompt: [TokenID]
        var constraintKind: String
        var constraintSource: String
        var temperature: Double
        var vocabularySize: Int
    }

    private static let tries = Mutex<[Key: AlignmentTrie]>([:])

    static func withTrie<Result: Sendable>(_ key: Key, _ body: (inout AlignmentTrie) -> Result) -> Result {
        tries.withLock { tries in body(&tries[key, default: AlignmentTrie()]) }
    }
}
