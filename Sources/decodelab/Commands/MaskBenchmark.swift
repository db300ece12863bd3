import Foundation
import Grammar
import Inference

/// Forces a text through a constraint token by token, as a constrained decoder would meet it:
/// at each token the full mask over the vocabulary is computed (timed), the token must be in it,
/// and the recognizer advances; at the end an end token must be allowed. Shared by
/// `decodelab grammar bench` and `decodelab bench --json-schema`.
struct MaskBenchmark {
    var compileTimes: [Double] = []
    /// Mask times in µs over every forced token of the passes with a fresh recognizer.
    var fresh: [Double] = []
    /// Mask times in µs of one more pass reusing the last recognizer's caches.
    var cached: [Double] = []
    /// Allowed tokens at each step of the first pass.
    var allowed: [Int] = []
    var tokens: [TokenID] = []
    var passes = 0
    var recognizerStates = 0
    var trieNodes = 0
    var trieBuildMs = 0.0

    /// - Parameters:
    ///   - compile: builds the grammar; timed five times, median reported.
    ///   - firstPass: called with each step's index and mask of the first pass.
    init(compile: () throws -> Grammar, instance: [UInt8], source: String, tokenizer: Tokenizer, passes: Int,
         firstPass: (Int, TokenMask) throws -> Void = { _, _ in }) throws {
        self.passes = passes
        let vocabulary = (0..<tokenizer.count).map { tokenizer.bytes(of: TokenID($0)) }
        let special = Set((0..<tokenizer.count).filter { tokenizer.isControl(TokenID($0)) })
        let ends = (0..<tokenizer.count).filter { tokenizer.isEndOfGeneration(TokenID($0)) }
        let trieStart = ContinuousClock.now
        let trie = TokenTrie(tokens: vocabulary, special: special, endTokens: ends)
        trieBuildMs = Self.milliseconds(ContinuousClock.now - trieStart)
        trieNodes = trie.nodeCount

        var grammar = try compile()
        for _ in 0..<5 {
            let start = ContinuousClock.now
            grammar = try compile()
            compileTimes.append(Self.milliseconds(ContinuousClock.now - start))
        }
        tokens = instance.withUnsafeBufferPointer { tokenizer.encode(utf8: $0) }

        // Each pass is a new request: a fresh recognizer with empty caches. One more pass then
        // reuses the last recognizer to show what its transition and mask caches save.
        var recognizer = Recognizer(grammar)
        for pass in 0...passes {
            let reusing = pass == passes
            if !reusing { recognizer = Recognizer(grammar) }
            var state = recognizer.initialState
            for (index, token) in tokens.enumerated() {
                let start = ContinuousClock.now
                let mask = recognizer.mask(after: state, in: trie)
                let micros = Self.milliseconds(ContinuousClock.now - start) * 1000
                if reusing { cached.append(micros) } else { fresh.append(micros) }
                if pass == 0 {
                    allowed.append(mask.allowedCount)
                    try firstPass(index, mask)
                }
                guard mask.contains(Int(token)), let next = recognizer.advance(state, bytes: tokenizer.bytes(of: token)) else {
                    throw GrammarError(source: source, problem: "token \(index) (\(tokenizer.piece(token).debugDescription)) is not allowed by the constraint")
                }
                state = next
            }
            guard ends.contains(where: recognizer.mask(after: state, in: trie).contains) else {
                throw GrammarError(source: source, problem: "the instance is incomplete: the end token is not allowed after it")
            }
        }
        recognizerStates = recognizer.stateCount
    }

    /// The report's numbers, in print order.
    var fields: [(String, Double)] {
        [
            ("compile_ms", Self.percentile(compileTimes, 0.5)), ("mask_us_p50", Self.percentile(fresh, 0.5)),
            ("mask_us_p99", Self.percentile(fresh, 0.99)), ("mask_us_mean", fresh.reduce(0, +) / Double(max(fresh.count, 1))),
            ("mask_us_max", fresh.max() ?? 0), ("cached_mask_us_p50", Self.percentile(cached, 0.5)),
            ("cached_mask_us_p99", Self.percentile(cached, 0.99)), ("tokens", Double(tokens.count)), ("passes", Double(passes)),
            ("allowed_mean", Double(allowed.reduce(0, +)) / Double(max(allowed.count, 1))),
            ("recognizer_states", Double(recognizerStates)), ("trie_nodes", Double(trieNodes)), ("trie_build_ms", trieBuildMs),
        ]
    }

    /// One JSON object, or one `name value` line per field.
    static func render(_ fields: [(String, Double)], json: Bool) -> String {
        if json {
            return "{" + fields.map { "\"\($0.0)\": \(formatted($0.0, $0.1))" }.joined(separator: ", ") + "}\n"
        }
        return fields.map { "\($0.0.padding(toLength: 20, withPad: " ", startingAt: 0)) \(formatted($0.0, $0.1))" }.joined(separator: "\n") + "\n"
    }

    /// Counts and count percentiles as whole numbers; times and means with three decimals.
    static func formatted(_ name: String, _ value: Double) -> String {
        let isMeasure = name.hasSuffix("_ms") || name.contains("_us_") || name.hasSuffix("_mean")
        let isWhole = value.isFinite && abs(value) < 1e15 && value == value.rounded()
        return isMeasure || !isWhole ? String(format: "%.3f", value) : String(Int(value))
    }

    static func percentile(_ values: [Double], _ fraction: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * fraction).rounded()))]
    }

    static func milliseconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) * 1e3 + Double(duration.components.attoseconds) / 1e15
    }
}
