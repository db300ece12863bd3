import Decoding
import Engine
import Foundation
import Grammar
import Inference

/// `decodelab bench --json-schema FILE --instance FILE`: the mask benchmark of `grammar bench`,
/// plus what adaptive rejection sampling would spend on the same instance: at each forced step,
/// the checks its walk (tokens in a seeded random order distributed as sampling from the real
/// model's probabilities without replacement) makes before it meets an allowed token.
enum ConstraintBench {
    static func run(_ parsed: Arguments) async throws -> Int32 {
        guard let instanceFile = parsed.string("--instance") else { throw CommandLineError.missing("--instance FILE (with --json-schema)") }
        let instance = try GrammarCommand.readText(instanceFile, flag: "--instance")
        let loaded = try await ModelLoader.load(explicit: parsed.string("--model"), offline: true, threads: try parsed.int("--threads", in: 1...1024))
        let tokenizer = loaded.tokenizer
        var masks: [TokenMask] = []
        let benchmark = try MaskBenchmark(
            compile: { try GrammarCommand.compile(parsed) }, instance: instance, source: instanceFile, tokenizer: tokenizer,
            passes: try parsed.int("--passes", in: 1...1000) ?? 5, firstPass: { _, mask in masks.append(mask) })

        // The model's own probabilities along the instance, after a prompt asking for it.
        let prompt = try PromptEncoding.tokens(for: try promptText(parsed), chat: tokenizer.chatTemplate != nil, tokenizer: tokenizer)
        let model = loaded.model
        let rows = Array((prompt.count - 1)..<(prompt.count - 1 + benchmark.tokens.count))
        let logits = try model.evaluateAndCommit(prompt + benchmark.tokens, rows: .rows(rows))
        var random = SeededRandom(seed: try parsed.uint64("--seed") ?? 1)
        let checks = masks.indices.map { step in
            let probabilities = Distribution(logits: logits.row(step)).probabilities
            return Double(AWRSCheckCount.checksToFirstAllowed(probabilities, isAllowed: masks[step].contains, random: &random))
        }
        let awrs: [(String, Double)] = [
            ("awrs_checks_p50", MaskBenchmark.percentile(checks, 0.5)), ("awrs_checks_mean", checks.reduce(0, +) / Double(max(checks.count, 1))),
            ("awrs_checks_p99", MaskBenchmark.percentile(checks, 0.99)), ("awrs_checks_max", checks.max() ?? 0),
            ("prompt_tokens", Double(prompt.count)),
        ]
        Console.out(MaskBenchmark.render(benchmark.fields + awrs, json: parsed.has("--json")))
        return 0
    }

    /// `--prompt-file`, or a request for an instance of the schema.
    static func promptText(_ parsed: Arguments) throws -> String {
        if let file = parsed.string("--prompt-file") {
            return String(decoding: try GrammarCommand.readText(file, flag: "--prompt-file"), as: UTF8.self)
        }
        let schema = try parsed.string("--json-schema").map { try GrammarCommand.readText($0, flag: "--json-schema") } ?? []
        return "Reply with one JSON object that matches this JSON Schema, and nothing else.\n\n" + String(decoding: schema, as: UTF8.self)
    }
}
