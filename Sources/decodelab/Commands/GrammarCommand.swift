import Foundation
import Grammar
import Inference

/// `decodelab grammar check|bench`: validate a constraint (GBNF, JSON Schema or regex) and test
/// texts against it; or force an instance through it token by token and time the masks.
enum GrammarCommand: Command {
    static let name = "grammar"
    static let summary = "check a grammar, JSON schema or regex (and texts against it); time its token masks"
    static let usage = """
    usage: decodelab grammar check CONSTRAINT [--input TEXT | --input-file FILE]
           decodelab grammar bench CONSTRAINT --instance FILE [-m FILE] [--passes N] [--json]

    CONSTRAINT is one of:
      --grammar-file FILE    a GBNF grammar (llama.cpp's format)
      --json-schema FILE     a JSON Schema (draft 2020-12 or 7); output is compact JSON
      --regex PATTERN        a regular expression the whole output must match

      --lenient              JSON Schema: ignore unsupported keywords (listed as warnings)
      --whitespace flexible  JSON Schema: allow whitespace between tokens (default: compact)

    check: compiles the constraint and reports errors with file, line and column. With an
    input, says whether the text is complete, a valid prefix, or where it is rejected (an
    --input-file's final newline is not part of the text).
    Exit status 0 when the constraint compiles (and the input, if any, is complete).

    bench: tokenizes the instance with the model's tokenizer and forces it through the
    constraint: for each token, computes the full mask over the vocabulary (timed), checks
    the token is allowed, advances; at the end checks the end token is allowed. Reports
    compile time (median of 5) and mask time percentiles over all forced tokens of all passes,
    each pass with a fresh recognizer (as a new request), and of one more pass reusing the
    last recognizer (cached). The instance file's final newline is dropped.

      -m, --model FILE       the model whose vocabulary to use (default: $DECODELAB_MODEL,
                             then the cached default model)
      --instance FILE        the text to force through (e.g. a JSON instance of the schema)
      --passes N             forced passes (default 5)
      --json                 print one JSON object: compile_ms, mask_us_p50, mask_us_p99, ...

    """

    static func run(_ arguments: [String]) async throws -> Int32 {
        guard let action = arguments.first, !action.hasPrefix("-") else {
            throw CommandLineError.missing("an action: `grammar check` or `grammar bench`")
        }
        guard ["check", "bench"].contains(action) else {
            throw CommandLineError.unsupported("unknown action '\(action)': use `grammar check` or `grammar bench`")
        }
        let parsed = try Arguments(
            Array(arguments.dropFirst()),
            valued: [["--grammar-file"], ["--json-schema"], ["--regex"], ["--whitespace"], ["--input"], ["--input-file"],
                     ["--instance"], ["-m", "--model"], ["--passes"]],
            switches: [["--lenient"], ["--json"]])
        if let extra = parsed.positionals.first { throw CommandLineError.unexpectedArgument(extra) }
        // The other action's flag would be silently ignored (`check --instance`, `bench --input`).
        let (other, otherFlags) = action == "check" ? ("bench", benchFlags) : ("check", checkFlags)
        if let flag = parsed.firstGiven(otherFlags) {
            throw CommandLineError.unsupported("option \(flag) belongs to `grammar \(other)`")
        }
        return action == "check" ? try check(parsed) : try bench(parsed)
    }

    /// Flags only one action reads (canonical names).
    private static let checkFlags = ["--input", "--input-file"]
    private static let benchFlags = ["--instance", "--model", "--passes", "--json"]

    /// The constraint named on the command line, compiled; its warnings go to stderr.
    static func compile(_ parsed: Arguments) throws -> Grammar {
        try ConstraintFlags.checkCombination(parsed)
        if let file = parsed.string("--grammar-file") {
            let document = try GBNFDocument(parsing: try UserFile.text(file, flag: "--grammar-file"), source: file)
            let grammar = try Grammar(document.definition, source: file)
            ConstraintFlags.warn(document.warnings, in: file)
            return grammar
        }
        if let file = parsed.string("--json-schema") {
            let options = JSONSchemaOptions(whitespace: try ConstraintFlags.whitespace(parsed).jsonSchema, lenient: parsed.has("--lenient"))
            let conversion = try JSONSchemaConversion(schema: try UserFile.text(file, flag: "--json-schema"), options: options, source: file)
            let grammar = try Grammar(conversion, source: file)
            ConstraintFlags.warn(conversion.warnings, in: file)
            return grammar
        }
        if let pattern = parsed.string("--regex") { return try Grammar(regex: pattern, source: "--regex") }
        throw CommandLineError.missing("a constraint: --grammar-file FILE, --json-schema FILE or --regex PATTERN")
    }

    /// A text file's bytes without its final newline, which ends the file rather than the
    /// text (a compact JSON instance has none).
    static func readText(_ file: String, flag: String) throws -> [UInt8] {
        Array(try UserFile.text(file, flag: flag, dropFinalNewline: true).utf8)
    }

    private static func check(_ parsed: Arguments) throws -> Int32 {
        let start = ContinuousClock.now
        let grammar = try compile(parsed)
        let elapsed = ContinuousClock.now - start
        if let nothingMatches = grammar.nothingMatches {
            Console.err("decodelab: warning: \(grammar.source): \(nothingMatches); the constrained strategies refuse it\n")
        }
        var out = "\(grammar.source): ok, \(counted(grammar.ruleCount, "rule")) after lowering, compiled in \(String(format: "%.2f", MaskBenchmark.milliseconds(elapsed))) ms\n"
        let input: [UInt8]?
        switch (parsed.string("--input"), parsed.string("--input-file")) {
        case (let text?, nil): input = Array(text.utf8)
        case (nil, let file?): input = try readText(file, flag: "--input-file")
        case (nil, nil): input = nil
        default: throw CommandLineError.unsupported("--input and --input-file: give only one")
        }
        var status: Int32 = 0
        if let input {
            let recognizer = Recognizer(grammar)
            var state = recognizer.initialState
            var rejectedAt: Int?
            for (offset, byte) in input.enumerated() {
                guard let next = recognizer.advance(state, byte: byte) else { rejectedAt = offset; break }
                state = next
            }
            if let rejectedAt {
                let before = input[..<rejectedAt]
                let line = before.filter { $0 == 10 }.count + 1
                let column = String(decoding: before[((before.lastIndex(of: 10)).map { $0 + 1 } ?? 0)...], as: UTF8.self).unicodeScalars.count + 1
                let context = String(decoding: input[max(0, rejectedAt - 20)..<min(input.count, rejectedAt + 10)], as: UTF8.self)
                out += "input: rejected at byte \(rejectedAt) (line \(line), column \(column)) near \(context.debugDescription)\n"
                status = 1
            } else if recognizer.isComplete(state) {
                out += "input: accepted, complete (\(counted(input.count, "byte")))\n"
            } else {
                out += "input: a valid prefix, but incomplete (\(counted(input.count, "byte")))\n"
                status = 1
            }
        }
        Console.out(out)
        return status
    }

    private static func bench(_ parsed: Arguments) throws -> Int32 {
        guard let instanceFile = parsed.string("--instance") else { throw CommandLineError.missing("--instance FILE") }
        let tokenizer = try Tokenizer(gguf: GGUFFile(path: try ModelLoader.existingPath(explicit: parsed.string("--model"))))
        let benchmark = try MaskBenchmark(
            compile: { try compile(parsed) }, instance: try readText(instanceFile, flag: "--instance"), source: instanceFile,
            tokenizer: tokenizer, passes: try parsed.int("--passes", in: 1...1000) ?? 5)
        Console.out(MaskBenchmark.render(benchmark.fields, json: parsed.has("--json")))
        return 0
    }
}
