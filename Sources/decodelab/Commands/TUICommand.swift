import Decoding
import Engine
import Foundation
import Inference
import Terminal
import UI

/// `decodelab` / `decodelab tui`: the interactive playground.
enum TUICommand: Command {
    static let name = "tui"
    static let summary = "watch decoding live in the terminal (the default command)"
    static let usage = """
    usage: decodelab [tui] [OPTIONS]

    Opens the terminal playground on the default model (fetched first if it is missing) and
    starts decoding. Press ? inside for every key.

      -m, --model FILE       the model (default: $DECODELAB_MODEL, then the cached default model)
          --toy              use the built-in 16-word ToyModel instead (instant, for demos and tests)
      -p, --prompt TEXT      the prompt (default: a short question)
      -f, --file FILE        read the prompt from FILE
          --raw              send the prompt as plain text, not as a chat message
      -n, --n-predict N      tokens to generate per run (default 256)
      -s, --seed N           random seed (default 42)
      -t, --threads N        threads for the forward pass (default: one per core)
    \(ActivationFlags.usage(column: 25))
          --strategy NAME    decoding strategy (\(StrategyCatalog.descriptors.map(\.name).joined(separator: ", ")))
          --grammar-file F   constrain the output with a GBNF grammar
          --json-schema F    constrain the output to JSON valid under a JSON Schema
          --regex PATTERN    constrain the whole output to match a regular expression
                             (one constraint at most; `c` in the TUI picks another)
          --whitespace W     JSON Schema: compact (default: no whitespace) or flexible
          --lenient          JSON Schema: ignore unsupported keywords
          --scenario FILE    a demo bundle (samples/scenarios/*.json); the flags above override it
          --theme NAME       colour theme: dark, light, high-contrast, monochrome, or a .json path
          --offline          never download the model
          --paused           open paused (press Space to start, . to step)
          --dump-frame FILE  on exit, write the last frame's text to FILE

    Strategy parameters (each strategy uses its own; all travel with the run):
    \(StrategyParameterFlags.usage)

    Inside, `c` picks a constraint: samples/grammars/*.gbnf, samples/schemas/*.json and
    samples/regexes/*.regex from the working directory or the source checkout, or a typed file
    path (the kind follows the extension) or /regex/. A constrained strategy chosen without a
    constraint asks for one first.

    NO_COLOR selects the monochrome theme unless --theme is given.

    Exit status: 0 after q; 128 + the signal's number after Ctrl-C (130), SIGTERM (143) or
    SIGHUP (129).

    """

    static let defaultChatPrompt = "Explain in two sentences what a language model does when it writes text."
    /// Without a chat template a question just ends; a story opening continues well.
    static let defaultCompletionPrompt = "Once upon a time, in a lighthouse at the edge of a cold grey sea, there lived a keeper who"
    static let defaultToyPrompt = "the cat"

    static func run(_ arguments: [String]) async throws -> Int32 {
        let parsed = try Arguments(
            arguments,
            valued: [["-m", "--model"], ["-n", "--n-predict"], ["-s", "--seed"], ["-t", "--threads"],
                     ["--strategy"], ["--scenario"], ["--theme"], ["--dump-frame"]]
                + PromptFlags.valued + ConstraintFlags.valued + StrategyParameterFlags.valued + ActivationFlags.valued,
            switches: [["--toy"], ["--offline"], ["--raw"], ["--paused"]] + ConstraintFlags.switches)
        if let extra = parsed.positionals.first { throw CommandLineError.unexpectedArgument(extra) }
        let scenario = try parsed.string("--scenario").map { path throws -> Scenario in try Scenario.load(path: path) }
        let themes = ThemeLibrary.standard()
        // Checked before the screen is taken over, so a bad theme is an ordinary error message.
        _ = try themes.initial(requested: parsed.string("--theme"))
        _ = try ActivationFlags.precision(parsed)
        // Likewise the strategy, its parameters and the constraint, before the model loads.
        let strategy = parsed.string("--strategy") ?? scenario?.strategy ?? "sampling"
        guard StrategyCatalog.descriptor(named: strategy) != nil else {
            throw CommandLineError.invalidValue(flag: "--strategy", value: strategy,
                                                expected: "one of \(StrategyCatalog.descriptors.map(\.name).joined(separator: ", "))")
        }
        let parameters = try parameters(parsed, scenario: scenario)
        _ = try StrategyCatalog.make(strategy, parameters: parameters)

        let (session, model) = try await Session.open(parsed, scenario: scenario)
        let layerCount = model.layerCount
        try StrategyParameterFlags.checkLayers(parameters, layerCount: layerCount)
        let configuration = try RunConfiguration(
            strategy: strategy, parameters: parameters,
            seed: parsed.uint64("--seed") ?? scenario?.seed ?? 42,
            prompt: session.encode(session.promptText, session.chat),
            maxNewTokens: parsed.int("--n-predict", in: 1...1_000_000) ?? scenario?.maxNewTokens ?? 256)
        let vocabulary = model.vocabulary
        let engine = try Engine(model: model, configuration: configuration, buffering: .unbounded)

        let terminal = try await NCursesTerminal()
        let theme: Theme
        do {
            theme = try themes.initial(requested: parsed.string("--theme"), colorDepth: await terminal.colorDepth)
        } catch {
            await terminal.restore()
            throw error
        }
        var state = AppState(
            modelName: session.name, vocabulary: vocabulary, strategies: StrategyCatalog.descriptors, configuration: configuration,
            promptText: session.promptText, chat: session.chat, chatAvailable: session.chatAvailable,
            size: await terminal.size, theme: theme)
        state.modelLayerCount = layerCount
        if let problem = session.chatProblem { state.notice = Notice(text: "raw text mode: \(problem)", seconds: 8) }
        state.constraintFiles = ConstraintSamples.files()
        state.constraintSearch = ConstraintSamples.searched()
        let makeModel = session.makeModel
        let services = AppServices(encodePrompt: session.encode, themes: themes, tracePath: tracePath, modelIdentity: session.modelIdentity,
                                   activations: session.activations,
                                   loadConstraint: { try ConstraintLoader.load(typed: $0) },
                                   makeComparisonEngine: { try Engine(model: makeModel(), configuration: $0, buffering: .unbounded) })
        let runner = await AppRunner(display: terminal, engine: engine, state: state, services: services)
        await runner.run(startPaused: parsed.has("--paused"))
        await terminal.restore()
        if let dump = parsed.string("--dump-frame") {
            try (await runner.lastFrame?.text ?? "").write(toFile: dump, atomically: true, encoding: .utf8)
        }
        // Ended by a signal, the status is the one shells give a process a signal killed
        // (130 for Ctrl-C, 143 for SIGTERM), so a script can tell an interruption from q.
        return await runner.state.terminationSignal.map { 128 + $0 } ?? 0
    }

    static func parameters(_ parsed: Arguments, scenario: Scenario?) throws -> DecodingParameters {
        var parameters = DecodingParameters()
        for (name, value) in scenario?.parameters ?? [:] { parameters.set(name, to: value) }
        try StrategyParameterFlags.apply(parsed, to: &parameters)
        if let constraint = try ConstraintFlags.constraint(parsed) {
            parameters.constraint = constraint
        } else if let constraint = scenario?.constraint {
            try ConstraintLoader.check(constraint)
            parameters.constraint = constraint
        }
        return parameters
    }

    /// A new file `decodelab-trace-YYYYMMDD-HHMMSS.jsonl` in the working directory (`…-2.jsonl`
    /// and on when a press in the same second took that name).
    @Sendable static func tracePath() throws -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        return try TraceWriter.createNewFile(stem: FileManager.default.currentDirectoryPath + "/decodelab-trace-\(formatter.string(from: Date()))")
    }

    /// What the screen needs to know about the model, and its prompt encoder.
    struct Session: Sendable {
        var name: String
        var promptText: String
        var chat: Bool
        var chatAvailable: Bool
        /// Why chat mode is off although the model is an instruct model, if it is.
        var chatProblem: String?
        var encode: @Sendable (String, Bool) throws -> [TokenID]
        /// The model file as a trace header names it.
        var modelIdentity: @Sendable () async throws -> ModelIdentity
        /// How the forward pass feeds its matmuls, which trace headers record too.
        var activations: ActivationPrecision
        /// Another instance of the model (own KV cache, weights shared through the mmap) for
        /// compare mode's second run.
        var makeModel: @Sendable () throws -> any LanguageModel

        /// The real model (fetched when missing) or the ToyModel, with its session.
        static func open(_ parsed: Arguments, scenario: Scenario?) async throws -> (Session, any LanguageModel) {
            let prompt = try PromptFlags.text(parsed, dropFinalNewline: true) ?? scenario?.prompt
            if parsed.has("--toy") {
                let session = Session(
                    name: "ToyModel (16 words)", promptText: prompt ?? defaultToyPrompt,
                    chat: false, chatAvailable: false, chatProblem: nil, encode: { text, _ in try encodeToy(text) },
                    modelIdentity: { ModelIdentity(path: "ToyModel", fileName: "ToyModel", byteCount: 0, sha256: nil) }, activations: .f32,
                    makeModel: { ToyModel(seed: 0, contextLength: 4096) })
                return (session, try session.makeModel())
            }
            let loaded = try await ModelLoader.load(explicit: parsed.string("--model"), offline: parsed.has("--offline"),
                                                    threads: parsed.int("--threads", in: 1...256), activations: ActivationFlags.precision(parsed))
            let tokenizer = loaded.tokenizer, gguf = loaded.gguf, threads = loaded.model.threadCount, activations = loaded.model.activations
            let template = tokenizer.chatTemplate
            let chat = template != nil && !parsed.has("--raw") && (scenario?.chat ?? true)
            let identity = ModelIdentityOnce(path: loaded.path)
            var problem: String?
            do { _ = try tokenizer.requireChatTemplate() } catch { problem = error.description }
            let session = Session(
                name: URL(fileURLWithPath: loaded.path).deletingPathExtension().lastPathComponent,
                promptText: prompt ?? (chat ? defaultChatPrompt : defaultCompletionPrompt), chat: chat, chatAvailable: template != nil,
                chatProblem: problem,
                encode: { text, chat in try PromptEncoding.tokens(for: text, chat: chat && template != nil, tokenizer: tokenizer) },
                modelIdentity: { try await identity.value() }, activations: activations,
                makeModel: { try LlamaModel(gguf: gguf, vocabulary: tokenizer, threads: threads, activations: activations) })
            return (session, loaded.model)
        }
    }

    /// The ToyModel reads whole words of its vocabulary ("the cat sat").
    static func encodeToy(_ text: String) throws -> [TokenID] {
        let vocabulary = ToyVocabulary()
        let spaced = text.replacingOccurrences(of: ".", with: " .")
        return try spaced.split(whereSeparator: \.isWhitespace).map { word in
            let piece = word == "." ? "." : " " + word.lowercased()
            guard let token = vocabulary.token(for: piece) else {
                throw CommandLineError.invalidValue(flag: "--prompt", value: String(word),
                                                    expected: "a ToyModel word (\(ToyVocabulary.words.dropFirst().map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")))")
            }
            return token
        }
    }
}
