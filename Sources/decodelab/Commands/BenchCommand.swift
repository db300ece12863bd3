import Decoding
import Foundation
import Inference

/// `decodelab bench`: prompt processing and generation speed like llama-bench, plus the cost of
/// verifying n draft tokens in one batch relative to one token.
enum BenchCommand: Command {
    static let name = "bench"
    static let summary = "measure speed: pp/tg and verify cost, a strategy against plain decoding, or grammar masks"
    static let usage = """
    usage: decodelab bench [-m FILE] [-t THREADS] [-r REPS] [-d DEPTH] [--activations f32|q8] [--json]
           decodelab bench --strategy NAME|all --prompt-file FILE [--chat] [--ignore-eos] [-n N] [-s SEED] [--temp T] [-r REPS]
                           [--activations f32|q8] [--json]
           decodelab bench --json-schema FILE --instance FILE [--prompt-file FILE] [-s SEED] [--passes N] [--json]

    Like llama-bench: pp64 evaluates a 64-token prompt in one batch, tg128 generates 128 tokens
    one at a time from an empty cache (or after DEPTH tokens of context with -d, like llama-bench's
    -d: "pp64 @ d1024"; the context is evaluated once, untimed); both report tokens/s as mean ± sd
    over the repetitions, after one warm-up run. The verify cost T(n)/T(1) is the time of one batched evaluation of n
    chained tokens (logits for all n) over that of one token, at 256 tokens of context; the
    speculation ceiling is the best n/(T(n)/T(1)): what a drafter whose every token is accepted
    would gain (speculation_ceiling in JSON). Tokens are fixed pseudo-random ids, so runs compare exactly.

    --strategy runs the strategy (every speculative one for `all`) and plain decoding (the
    sampling strategy: greedy at temperature 0) on the prompt with the same parameters and seed, through
    the Engine exactly as `generate` does: one warm-up run each, then REPS timed runs each,
    interleaved. Reports decoding tokens/s (mean ± sd; the prompt's prefill excluded), MAT
    (generated tokens per target forward pass, the prefill counted: 1 for plain decoding),
    speedup over plain decoding, target and draft passes, draft acceptance overall and per draft
    position, and at temperature 0 whether the text equals greedy's. JSON fields include
    tokens_per_second, mean_accepted_tokens, speedup (under "results" for `all`).

    --json-schema forces the instance through the schema's grammar token by token (the model's
    tokenizer), timing the full mask at each step, like `decodelab grammar bench`: compile_ms,
    mask_us_p50/p99/mean/max. awrs_checks_* count, at each step, the constraint checks an
    adaptive rejection sampler's walk (seeded, in the order of the real model's probabilities
    after the prompt and the instance so far) makes before the first allowed token. The prompt
    asks for an instance of the schema unless --prompt-file is given.

      -m, --model FILE       the model (default: $DECODELAB_MODEL, then the cached default model)
      -t, --threads N        threads (default: all cores)
    \(ActivationFlags.usage(column: 25))
      -r, --repetitions N    timed repetitions (default 5 for pp/tg, at least 3; 3 with --strategy)
      -d, --depth N          tokens of context before pp64 and tg128 (default 0)
          --strategy NAME    a strategy from `decodelab strategies`, or all
          --prompt-file FILE the prompt (its final newline dropped)
          --chat             wrap the prompt as a user message with the model's chat template
          --ignore-eos       never end a run early: end-of-generation tokens get probability 0
      -n, --n-predict N      tokens per run (default 128)
      -s, --seed N           random seed (default 1)
          --temp T           temperature (default 0 here); every other sampler and strategy
                             parameter flag of `generate` (--top-p, --draft-length, ...) too
          --json-schema FILE a JSON Schema; --lenient and --whitespace as in `grammar check`
          --instance FILE    the text forced through the schema
          --passes N         forced passes with a fresh recognizer (default 5)
          --json             print one JSON object instead of the table

    """

    static let verifySizes = [1, 2, 4, 8, 16]
    static let verifyContext = 256

    static func run(_ arguments: [String]) async throws -> Int32 {
        let parsed = try Arguments(
            arguments,
            valued: [["-m", "--model"], ["-t", "--threads"], ["-r", "--repetitions"], ["-d", "--depth"], ["--strategy"], ["--prompt-file"],
                     ["-n", "--n-predict"], ["-s", "--seed"], ["--json-schema"], ["--instance"], ["--passes"], ["--whitespace"]]
                + StrategyParameterFlags.valued + ActivationFlags.valued,
            switches: [["--json"], ["--chat"], ["--lenient"], ["--ignore-eos"]])
        if let extra = parsed.positionals.first { throw CommandLineError.unexpectedArgument(extra) }
        if parsed.string("--activations") != nil, parsed.string("--json-schema") != nil {
            throw CommandLineError.unsupported("option --activations: the --json-schema bench times masks, not the model")
        }
        if parsed.string("--depth") != nil, parsed.string("--strategy") ?? parsed.string("--json-schema") != nil {
            throw CommandLineError.unsupported("option --depth: it sets the context of pp64 and tg128 only")
        }
        // Each bench reads only its own flags: another's would be silently ignored.
        let strategyFlags = ["--n-predict", "--repetitions", "--chat", "--ignore-eos"] + StrategyParameterFlags.valued.compactMap(\.last)
        let schemaFlags = ["--instance", "--passes", "--whitespace", "--lenient"]
        if let strategy = parsed.string("--strategy") {
            if parsed.string("--json-schema") != nil { throw CommandLineError.unsupported("--strategy and --json-schema: give only one") }
            if let flag = parsed.firstGiven(schemaFlags) { throw CommandLineError.unsupported("the --strategy bench does not read option \(flag)") }
            return try await StrategyBench.run(parsed, strategy: strategy)
        }
        if parsed.string("--json-schema") != nil {
            if let flag = parsed.firstGiven(strategyFlags) { throw CommandLineError.unsupported("the --json-schema bench does not read option \(flag)") }
            return try await ConstraintBench.run(parsed)
        }
        // pp/tg time fixed token ids: a prompt, sampler or strategy flag would be silently ignored.
        if let flag = parsed.firstGiven(["--prompt-file", "--seed"] + strategyFlags.filter { $0 != "--repetitions" } + schemaFlags) {
            throw CommandLineError.missing("--strategy NAME or --json-schema FILE (\(flag) belongs to one of them)")
        }
        guard let path = DefaultModel.resolve(explicitPath: parsed.string("--model")) else {
            throw CommandLineError.missing("-m FILE (no $DECODELAB_MODEL and no cached default model; run `decodelab fetch-model`)")
        }
        let threads = try parsed.int("--threads", in: 1...1024) ?? ProcessInfo.processInfo.activeProcessorCount
        let repetitions = try parsed.int("--repetitions", in: 3...1000) ?? 5
        let activations = try ActivationFlags.precision(parsed)
        let gguf = try GGUFFile(path: path)
        let trainedContext = try LlamaHyperparameters(gguf: gguf).contextLength
        let depth = try parsed.int("--depth", in: 0...max(0, trainedContext - 128)) ?? 0
        let model = try LlamaModel(gguf: gguf, vocabulary: try Tokenizer(gguf: gguf), threads: threads,
                                   contextLength: max(depth, verifyContext + (verifySizes.last ?? 0)) + 128, activations: activations)
        var tokens = Tokens(vocabularySize: model.vocabulary.count)

        if depth > 0 { _ = try model.evaluateAndCommit(tokens.next(depth)) }
        let pp = try measure(repetitions) {
            model.truncate(to: depth)
            let prompt = tokens.next(64)
            return try seconds { _ = try model.evaluateAndCommit(prompt) } / 64
        }
        let tg = try measure(repetitions) {
            model.truncate(to: depth)
            return try seconds { for token in tokens.next(128) { _ = try model.evaluateAndCommit([token]) } } / 128
        }
        // Median over many runs: one evaluation is a few milliseconds on a noisy machine.
        let verify = try VerifyCost.measure(
            model: model, contextTokens: tokens.next(verifyContext), batches: verifySizes.map { tokens.next($0) },
            samples: max(3 * repetitions, 15))
        let verifyTimes = verify.seconds
        let cost = verifyTimes.mapValues { $0 / (verifyTimes[1] ?? 1) }
        let ceiling = verify.ceiling

        let cpu = cpuModel()
        let modelName = (path as NSString).lastPathComponent
        if parsed.has("--json") {
            let object: [String: Any] = [
                "model": modelName, "cpu": cpu, "threads": threads, "repetitions": repetitions, "activations": activations.rawValue, "depth": depth,
                "pp_tokens_per_second": pp.mean, "pp_tokens_per_second_sd": pp.sd,
                "tg_tokens_per_second": tg.mean, "tg_tokens_per_second_sd": tg.sd,
                "verify_context": verifyContext,
                "verify_cost": Dictionary(uniqueKeysWithValues: cost.map { (String($0.key), $0.value) }),
                "verify_ms": Dictionary(uniqueKeysWithValues: verifyTimes.map { (String($0.key), $0.value * 1000) }),
                "speculation_ceiling": ceiling?.speedup ?? NSNull(),
                "speculation_ceiling_tokens_per_pass": ceiling?.tokensPerPass ?? NSNull(),
            ]
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
            Console.out(data + [0x0A])
        } else {
            var out = "cpu: \(cpu)\nmodel: \(modelName) (\(gguf.fileSize) bytes), threads: \(threads), activations: \(activations.rawValue), repetitions: \(repetitions)\n\n"
            let at = depth > 0 ? " @ d\(depth)" : ""
            let width = 5 + at.count
            out += "| \("test".padded(width)) |            t/s |\n|\(String(repeating: "-", count: width + 2))|---------------:|\n"
            out += "| \(("pp64" + at).padded(width)) | \(pp.formatted.leftPadded(14)) |\n| \(("tg128" + at).padded(width)) | \(tg.formatted.leftPadded(14)) |\n\n"
            out += "verify cost at \(verifyContext) tokens of context (median time of one batch):\n"
            for n in verifySizes {
                out += "  n=\(String(n).leftPadded(2))  \(String(format: "%7.2f ms", (verifyTimes[n] ?? 0) * 1000))  T(n)/T(1) = \(String(format: "%.2f", cost[n] ?? 0))\n"
            }
            if let ceiling {
                out += String(format: "speculation ceiling: %.2f× over plain decoding (every draft accepted, %d tokens per pass)\n",
                              ceiling.speedup, ceiling.tokensPerPass)
            }
            Console.out(out)
        }
        return 0
    }

    /// Tokens/s over repetitions of `secondsPerToken`, after one warm-up.
    private static func measure(_ repetitions: Int, _ secondsPerToken: () throws -> Double) throws -> MeanAndDeviation {
        _ = try secondsPerToken()
        return MeanAndDeviation(try (0..<repetitions).map { _ in 1 / (try secondsPerToken()) })
    }

    private static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
    }

    /// Reproducible pseudo-random token ids (a linear congruential sequence), avoiding the control
    /// tokens at the start of most vocabularies.
    struct Tokens {
        let vocabularySize: Int
        private var state: UInt64 = 0x2545_F491_4F6C_DD1D

        init(vocabularySize: Int) { self.vocabularySize = vocabularySize }

        mutating func next(_ count: Int) -> [TokenID] {
            (0..<count).map { _ in
                state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                let span = UInt64(max(1, vocabularySize - 256))
                return TokenID(256 + (state >> 33) % span)
            }
        }
    }

    /// The CPU's marketing name, as /proc/cpuinfo gives it.
    static func cpuModel() -> String {
        guard let info = try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8) else { return "unknown" }
        let line = info.split(separator: "\n").first { $0.hasPrefix("model name") }
        return line?.split(separator: ":", maxSplits: 1).last?.trimmingCharacters(in: .whitespaces) ?? "unknown"
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { String(repeating: " ", count: max(0, width - count)) + self }
    func padded(_ width: Int) -> String { self + String(repeating: " ", count: max(0, width - count)) }
}
