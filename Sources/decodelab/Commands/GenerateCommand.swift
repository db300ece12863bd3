import Decoding
import Engine
import Foundation
import Inference

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
      -f, --file FILE           read the prompt from FILE
          --chat                wrap the prompt as a user message with the model's chat template
      -n, --n-predict N         tokens to generate (default 128; -1: until the context is full)
      -s, --seed N              random seed (default: random, printed in the summary)
          --strategy NAME       \(StrategyCatalog.descriptors.map(\.name).joined(separator: ", ")) (default sampling; greedy with --temp 0)
          --temp T              temperature (default 0.8; 0 is greedy)
          --top-k K             top-k (default 40; 0 disables)
          --top-p P             top-p (default 0.95; 1 disables)
          --min-p P             min-p (default 0.05; 0 disables)
          --typical P           locally typical sampling (default 1: off)
          --repeat-penalty R    (default 1: off)   --repeat-last-n N  penalty window (default 64)
          --presence-penalty P  (default 0)        --frequency-penalty F  (default 0)
          --beam-width W        beams for --strategy beam (default 4)
          --length-penalty A    beam ranking logP / length^A (default 1)
          --events FILE         write every engine event to FILE as JSON Lines (replay it later)
      -t, --threads N           threads for the forward pass (default: one per core)
          --offline             never download the model

    """

    static func run(_ arguments: [String]) async throws -> Int32 {
        let parsed = try Arguments(
            arguments,
            valued: [["-m", "--model"], ["-p", "--prompt"], ["-f", "--file"], ["-n", "--n-predict"], ["-s", "--seed"],
                     ["--strategy"], ["--temp"], ["--top-k"], ["--top-p"], ["--min-p"], ["--typical"], ["--repeat-penalty"],
                     ["--repeat-last-n"], ["--presence-penalty"], ["--frequency-penalty"], ["--beam-width"], ["--length-penalty"],
                     ["--events"], ["-t", "--threads"]],
            switches: [["--chat"], ["--offline"]])
        if let extra = parsed.positionals.first { throw CommandLineError.unexpectedArgument(extra) }
        let promptText = try promptText(parsed)
        // `--temp 0` alone means greedy, and the summary and trace should say so.
        let strategy = try parsed.string("--strategy") ?? (parsed.double("--temp") == 0 ? "greedy" : "sampling")
        guard StrategyCatalog.descriptor(named: strategy) != nil else { throw UnknownStrategy(name: strategy) }
        let parameters = try decodingParameters(parsed)
        let seed = try parsed.uint64("--seed") ?? UInt64.random(in: 0...UInt64(UInt32.max))
        let predict = try parsed.int("--n-predict", in: -1...Int(Int32.max)) ?? 128
        let chat = parsed.has("--chat")

        let loaded = try await ModelLoader.load(explicit: parsed.string("--model"), offline: parsed.has("--offline"), threads: try parsed.int("--threads", in: 1...512))
        let tokenizer = loaded.tokenizer
        let modelPath = loaded.path
        let prompt = try PromptEncoding.tokens(for: promptText, chat: chat, tokenizer: tokenizer)
        let configuration = RunConfiguration(
            strategy: strategy, parameters: parameters, seed: seed, prompt: prompt,
            maxNewTokens: predict < 0 ? loaded.model.contextLength : predict)
        let writer = try parsed.string("--events").map { path in
            try TraceWriter(path: path, header: TraceHeader(
                model: try ModelIdentity.describe(path: modelPath, hashing: true),
                promptText: promptText, chat: chat, configuration: configuration))
        }
        // The model moves into the Engine; nothing here touches it afterwards.
        let engine = try Engine(model: loaded.model, configuration: configuration, buffering: .unbounded)
        await engine.start()

        var holdback = UTF8Holdback()
        var stats = EngineStats()
        var outcome: Result<FinishReason, EngineFailure> = .success(.cancelled)
        events: for await event in engine.events {
            try writer?.write(event)
            switch event {
            case .step(let trace):
                let bytes = trace.committedTokens.flatMap { tokenizer.bytes(of: $0.token) }
                FileHandle.standardOutput.write(Data(holdback.push(bytes)))
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
        FileHandle.standardOutput.write(Data(holdback.flush() + [0x0A]))
        let reason = try outcome.get()
        FileHandle.standardError.write(Data(summary(stats, promptCount: prompt.count, reason: reason, strategy: strategy, seed: seed).utf8))
        return 0
    }

    struct EngineFailure: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    static func promptText(_ parsed: Arguments) throws -> String {
        switch (parsed.string("--prompt"), parsed.string("--file")) {
        case (let text?, nil):
            return text
        case (nil, let path?):
            do {
                // Like llama.cpp, one trailing newline of the file is not part of the prompt.
                let text = try String(contentsOfFile: path, encoding: .utf8)
                return text.hasSuffix("\n") ? String(text.dropLast()) : text
            } catch {
                throw CommandLineError.invalidValue(flag: "--file", value: path, expected: "a readable UTF-8 file")
            }
        case (.some, .some):
            throw CommandLineError.unexpectedArgument("-f (give either -p or -f)")
        case (nil, nil):
            throw CommandLineError.missing("-p TEXT or -f FILE")
        }
    }

    /// llama.cpp's sampler flags onto the run's parameters; unset flags keep llama.cpp's defaults.
    static func decodingParameters(_ parsed: Arguments) throws -> DecodingParameters {
        var parameters = DecodingParameters()
        let flags: [(flag: String, parameter: String, range: ClosedRange<Double>)] = [
            ("--temp", "temperature", 0...100), ("--top-k", "top-k", 0...1_000_000), ("--top-p", "top-p", 0...1),
            ("--min-p", "min-p", 0...1), ("--typical", "typical-p", 0...1), ("--repeat-penalty", "repeat-penalty", 0...100),
            ("--repeat-last-n", "penalty-window", -1...1_000_000), ("--presence-penalty", "presence-penalty", -100...100),
            ("--frequency-penalty", "frequency-penalty", -100...100), ("--beam-width", "beam-width", 1...256),
            ("--length-penalty", "length-penalty", -10...10),
        ]
        for entry in flags {
            if let value = try parsed.double(entry.flag, in: entry.range) { parameters.set(entry.parameter, to: value) }
        }
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
            format: "decodelab: %d tokens in %.2f s (%.1f tok/s) with %@, seed %llu; prompt %d tokens in %.2f s; %d target evaluations (%.2f tokens/eval); finished: %@\n",
            stats.generatedTokens, stats.decodeSeconds, stats.tokensPerSecond, strategy, seed, promptCount, stats.promptSeconds,
            stats.targetEvaluations, stats.tokensPerEvaluation, finish)
    }
}
