import Decoding
import Engine
import Foundation
import Inference
import UI

/// `decodelab generate`: headless decoding, text to stdout as it is produced, like llama-cli.
enum GenerateCommand: Command {
    static let name = "generate"
    static let summary = "decode without the TUI: continuation to stdout, summary to stderr"
    static let usage = """
    usage: decodelab generate (-p TEXT | -f FILE) [OPTIONS]

    Runs one decoding strategy on the prompt and streams only the continuation to stdout (never
    splitting a UTF-8 character); a summary (tokens, tok/s, finish reason) goes to stderr.

      -m, --model FILE          the model (default: $DECODELAB_MODEL, then the cached default model)
      -p, --prompt TEXT         the prompt
      -f, --file FILE           read the prompt from FILE (- reads standard input)
          --chat                wrap the prompt as a user message with the model's chat template
      -n, --n-predict N         tokens to generate (default 128; -1: until the context is full)
      -s, --seed N              random seed (default: random, printed in the summary)
          --strategy NAME       \(StrategyCatalog.descriptors.map(\.name).joined(separator: ", ")) (default sampling; greedy with --temp 0;
                                constrained-mask with a constraint)
          --grammar-file FILE   constrain the output with a GBNF grammar
          --json-schema FILE    constrain the output to JSON valid under a JSON Schema
          --regex PATTERN       constrain the whole output to match a regular expression
                                (one constraint at most; constrained strategies need one)
          --whitespace W        JSON Schema: compact (default: no whitespace) or flexible
                                (optional whitespace between JSON tokens)
          --lenient             JSON Schema: ignore unsupported keywords (listed as warnings)
          --events FILE         write every engine event to FILE as JSON Lines (replay it later);
                                when FILE is standard output (/dev/stdout), no text is printed:
                                the trace carries it
      -t, --threads N           threads for the forward pass (default: one per core)
    \(ActivationFlags.usage(column: 28))
          --offline             never download the model

    Strategy parameters, with llama.cpp's defaults for the sampler (temp 0.8, top-k 40,
    top-p 0.95, min-p 0.05, repeat-last-n 64); a flag the strategy does not use is reported:
    \(StrategyParameterFlags.usage)

    """

    static func run(_ arguments: [String]) async throws -> Int32 {
        let parsed = try Arguments(
            arguments,
            valued: [["-m", "--model"], ["-n", "--n-predict"], ["-s", "--seed"], ["--strategy"], ["--events"], ["-t", "--threads"]]
                + PromptFlags.valued + ConstraintFlags.valued + StrategyParameterFlags.valued + ActivationFlags.valued,
            switches: [["--chat"], ["--offline"]] + ConstraintFlags.switches)
        if let extra = parsed.positionals.first { throw CommandLineError.unexpectedArgument(extra) }
        guard let promptText = try PromptFlags.text(parsed, dropFinalNewline: true) else { throw CommandLineError.missing("-p TEXT or -f FILE") }
        // `--temp 0` alone means greedy, and the summary and trace should say so.
        // A constraint alone means masked decoding: otherwise it would be ignored.
        let strategy = try parsed.string("--strategy")
            ?? (ConstraintFlags.isGiven(parsed) ? "constrained-mask" : parsed.double("--temp") == 0 ? "greedy" : "sampling")
        guard let descriptor = StrategyCatalog.descriptor(named: strategy) else { throw UnknownStrategy(name: strategy) }
        let parameters = try decodingParameters(parsed, for: descriptor)
        // A strategy that cannot run with these settings (a constrained one without a
        // constraint) says so now rather than after the model loads.
        _ = try StrategyCatalog.make(strategy, parameters: parameters)
        let seed = try parsed.uint64("--seed") ?? UInt64.random(in: 0...UInt64(UInt32.max))
        let predict = try parsed.int("--n-predict", in: -1...Int(Int32.max)) ?? 128
        let chat = parsed.has("--chat")
        let activations = try ActivationFlags.precision(parsed)

        let loaded = try await ModelLoader.load(explicit: parsed.string("--model"), offline: parsed.has("--offline"), threads: try parsed.int("--threads", in: 1...512),
                                                activations: activations)
        try StrategyParameterFlags.checkLayers(parameters, layerCount: loaded.model.layerCount, of: descriptor)
        let tokenizer = loaded.tokenizer
        let modelPath = loaded.path
        let prompt = try PromptEncoding.tokens(for: promptText, chat: chat, tokenizer: tokenizer)
        // Nothing could be generated: say so instead of finishing "context full" with no output.
        guard prompt.count < loaded.model.contextLength else {
            throw PromptTooLong(tokens: prompt.count, contextLength: loaded.model.contextLength)
        }
        let configuration = RunConfiguration(
            strategy: strategy, parameters: parameters, seed: seed, prompt: prompt,
            maxNewTokens: predict < 0 ? loaded.model.contextLength : predict)
        let writer = try parsed.string("--events").map { path in
            try TraceWriter(path: path, header: TraceHeader(
                model: try ModelIdentity.describe(path: modelPath, hashing: true), activations: activations,
                promptText: promptText, chat: chat, configuration: configuration))
        }
        // Text written to the trace's own file would be spliced into its JSON lines.
        let printsText = writer?.isSameFile(as: STDOUT_FILENO) != true
        // Standard error writes at its own offset, which is behind the trace's lines it shares
        // a file with: the summary would overwrite them.
        if writer?.isSameFile(as: STDERR_FILENO) == true { Console.appendErrorsAtEnd() }
        // The model moves into the Engine; nothing here touches it afterwards.
        let engine = try Engine(model: loaded.model, configuration: configuration, buffering: .unbounded)
        await engine.start()

        var holdback = UTF8Holdback()
        var generated: [UInt8] = []
        var stats = EngineStats()
        var outcome: Result<FinishReason, any Error> = .success(.cancelled)
        events: for await event in engine.events {
            do {
                try writer?.write(event)
            } catch {
                // The trace could not keep up (disk full, a closed pipe): stop the run, keep
                // the text so far and fail with the writer's message naming the path.
                outcome = .failure(error)
                break events
            }
            switch event {
            case .step(let trace):
                let bytes = trace.committedTokens.flatMap { tokenizer.bytes(of: $0.token) }
                // Kept whether or not it is printed: the constraint check at the end reads it.
                if parameters.constraint != nil { generated += bytes }
                if printsText { Console.out(holdback.push(bytes)) }
            case .stats(let latest):
                stats = latest
            case .finished(let reason):
                outcome = .success(reason)
                break events
            case .failed(let message):
                outcome = .failure(EngineFailure(message: message))
                break events
            case .started, .state:
                continue
            }
        }
        await engine.shutdown()
        try writer?.close()
        if printsText { Console.out(holdback.flush() + [0x0A]) }
        let reason = try outcome.get()
        Console.err(summary(stats, promptCount: prompt.count, reason: reason, strategy: strategy, seed: seed))
        // Cut text would pass for an answer that holds the constraint.
        if let constraint = parameters.constraint, reason == .length || reason == .contextFull, try !constraint.isComplete(generated) {
            let limit = reason == .length ? "the length limit (-n \(predict))" : "the context"
            Console.err("decodelab: the output is incomplete: \(limit) ran out before \(constraint.displayName) was complete\n")
            return 1
        }
        return 0
    }

    struct PromptTooLong: Error, CustomStringConvertible {
        var tokens: Int
        var contextLength: Int
        var description: String {
            "the prompt is \(tokens) tokens long and the model's context holds \(contextLength): no room to generate; shorten the prompt"
        }
    }

    struct EngineFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// The parameter and constraint flags onto the run's parameters (unset ones keep
    /// llama.cpp's defaults). A constraint the strategy does not apply is refused; a parameter
    /// it does not declare gets a warning (but not `--temp 0` for greedy: that is what greedy is).
    static func decodingParameters(_ parsed: Arguments, for strategy: StrategyDescriptor) throws -> DecodingParameters {
        var parameters = DecodingParameters()
        let declared = Set(strategy.parameters.map(\.name))
        var warnings: [String] = []
        for (name, flag) in try StrategyParameterFlags.apply(parsed, to: &parameters) where !declared.contains(name) {
            if strategy.name == GreedyStrategy.descriptor.name, name == "temperature", parameters.sampler.temperature == 0 { continue }
            warnings.append("\(strategy.name) does not use \(flag)")
        }
        parameters.constraint = try ConstraintFlags.constraint(parsed)
        // Text the constraint does not hold would look like an answer that does.
        if let constraint = parameters.constraint, !strategy.needsConstraint {
            let constrained = StrategyCatalog.descriptors.filter(\.needsConstraint).map(\.name)
            throw CommandLineError.unsupported(
                "\(strategy.name) does not apply a constraint, so \(constraint.displayName) would be ignored: "
                + "choose one of \(constrained.joined(separator: ", ")) (at --temp 0 they decode greedily)")
        }
        for warning in warnings { Console.err("decodelab: warning: \(warning)\n") }
        return parameters
    }

    static func summary(_ stats: EngineStats, promptCount: Int, reason: FinishReason, strategy: String, seed: UInt64) -> String {
        let finish = switch reason {
        case .endOfGeneration: "end of generation"
        case .length: "length limit"
        case .contextFull: "context full"
        case .cancelled: "cancelled"
        }
        return String(
            format: "decodelab: %@ in %.2f s (%.1f tok/s) with %@, seed %llu; prompt %@ in %.2f s; %@ (%.2f tokens/eval); finished: %@\n",
            counted(stats.generatedTokens, "token"), stats.decodeSeconds, stats.tokensPerSecond, strategy, seed, counted(promptCount, "token"),
            stats.promptSeconds, counted(stats.targetEvaluations, "target evaluation"), stats.tokensPerEvaluation, finish)
    }
}
