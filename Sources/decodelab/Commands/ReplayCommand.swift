import Decoding
import Engine
import Foundation
import Inference

/// `decodelab replay TRACE`: runs a recorded configuration again and checks it reproduces the
/// recorded tokens exactly.
enum ReplayCommand: Command {
    static let name = "replay"
    static let summary = "re-run a trace (from `generate --events` or the TUI's `w`) and verify the same tokens come out"
    static let usage = """
    usage: decodelab replay TRACE.jsonl [--print] [-m FILE] [-t N] [--offline]

    Reads the trace's header (model, activations, prompt, strategy, parameters, seed), runs that
    configuration again and compares every generated token with the recorded ones. Exits 0 when
    they are identical; otherwise exits 1 and shows the first divergence. A trace that stops
    before its run finished (Ctrl-C, a save mid-run) is compared as far as it goes, and the
    result says it was incomplete; one that stops before its first step is refused. When the
    header records the model's SHA-256, a model file with other bytes is refused before
    anything runs.

          --print         only print the recorded text; run nothing
      -m, --model FILE    use this model file instead of the one the trace names
      -t, --threads N     threads for the forward pass (default: one per core)
          --offline       never download the model

    """

    static func run(_ arguments: [String]) async throws -> Int32 {
        let parsed = try Arguments(arguments, valued: [["-m", "--model"], ["-t", "--threads"]], switches: [["--print"], ["--offline"]])
        guard let path = parsed.positionals.first else { throw CommandLineError.missing("TRACE file") }
        guard !path.isEmpty else { throw CommandLineError.emptyArgument(what: "trace") }
        if let extra = parsed.positionals.dropFirst().first { throw CommandLineError.unexpectedArgument(extra) }
        // Checked even for --print, which runs nothing: a mistake is named whatever it is given with.
        let threads = try parsed.int("--threads", in: 1...512)
        let trace = try TraceFile.read(path: path)
        let recorded = trace.generatedTokens
        let modelPath = parsed.string("--model") ?? modelPath(for: trace.header.model)

        if parsed.has("--print") {
            let tokenizer = try Tokenizer(gguf: try GGUFFile(path: try ModelLoader.existingPath(explicit: modelPath)))
            try checkTokens(of: trace, at: path, vocabularySize: tokenizer.count)
            // As `generate` printed it: a character the recording ended inside becomes U+FFFD.
            var holdback = UTF8Holdback()
            Console.out(holdback.push(tokenizer.decode(recorded)) + holdback.flush() + [0x0A])
            return 0
        }

        let complete = trace.finishReason != nil || trace.failure != nil
        guard complete || !recorded.isEmpty else {
            // Comparing nothing would report success.
            let cut = trace.endsMidLine ? " (its last line is cut off)" : ""
            throw TraceError(path: path, line: nil, message: "the trace holds no steps to compare: the recording stopped before its first step\(cut)")
        }
        let loaded = try await ModelLoader.load(explicit: modelPath, offline: parsed.has("--offline"), threads: threads,
                                                activations: trace.header.activations)
        try checkModel(at: loaded.path, recorded: trace.header.model)
        if let problem = trace.header.configuration.refusedOnModel(vocabularySize: loaded.model.vocabulary.count, layerCount: loaded.model.layerCount, under: "configuration") {
            throw TraceError(path: path, line: 1, message: problem)
        }
        try checkTokens(of: trace, at: path, vocabularySize: loaded.model.vocabulary.count)
        let tokenizer = loaded.tokenizer
        var comparison = ReplayComparison(recorded: recorded, complete: complete)
        let engine = try Engine(model: loaded.model, configuration: trace.header.configuration, buffering: .unbounded)
        await engine.start()
        var reason: FinishReason?
        var failure: String?
        events: for await event in engine.events {
            switch event {
            case .step(let step):
                if comparison.add(step.committedTokens.map(\.token)) { break events }
            case .finished(let finish):
                reason = finish
                break events
            case .failed(let message):
                failure = message
                if trace.failure == nil { warn("the replay failed: \(message)") }
                break events
            case .started, .stats, .state:
                continue
            }
        }
        await engine.shutdown()

        let replayed = comparison.replayed
        if let recordedFailure = trace.failure, comparison.divergence == nil {
            // The recorded run ended in a failure: the replay must fail the same way.
            let same = failure == recordedFailure
            let outcome = same ? " and the replay failed the same way" : ", the replay \(failure.map { "failed with \($0)" } ?? "did not")"
            Console.out("replay: \(replayed.count) tokens identical to \(path); the recorded run failed (\(recordedFailure))\(outcome)\n")
            return same ? 0 : 1
        }
        guard let index = comparison.divergence else {
            let finish = switch (comparison.complete, reason) {
            case (false, _):
                "; the trace is incomplete (\(trace.endsMidLine ? "its last line is cut off" : "no finished event"): the recording stopped early), "
                    + "so only its \(recorded.count) tokens were compared"
            case (true, let reason?) where reason != trace.finishReason: " (but it finished with \(reason.rawValue), the trace with \(trace.finishReason?.rawValue ?? "nothing"))"
            default: ""
            }
            Console.out("replay: \(replayed.count) tokens identical to \(path)\(finish)\n")
            return finish.isEmpty || !comparison.complete ? 0 : 1
        }
        func show(_ tokens: [TokenID]) -> String {
            // As `tokenize` shows pieces: a part of a character as its bytes (\xF0\x9F).
            index < tokens.count ? "token \(tokens[index]) '\(tokenizer.piece(tokens[index]))'" : "the end of the run"
        }
        let context = String(decoding: tokenizer.decode(Array(recorded.prefix(index).suffix(8))), as: UTF8.self)
        Console.out("""
            replay: diverged at generated token \(index) (after …\(context.debugDescription))
              recorded: \(show(recorded))
              replayed: \(show(replayed))

            """)
        return 1
    }

    /// A recorded token the model does not have would be printed as nothing, or compared as a
    /// divergence the model never made: name its line instead.
    static func checkTokens(of trace: TraceFile, at path: String, vocabularySize: Int) throws {
        if let refused = trace.committedTokenRefused(vocabularySize: vocabularySize) {
            throw TraceError(path: path, line: refused.line, message: refused.message)
        }
    }

    /// A trace that records its model's SHA-256 cannot be reproduced with another file, and a
    /// divergence at token 0 would not say why: refuse it first. Without a digest only name and
    /// size can be compared, and a difference is a warning.
    static func checkModel(at path: String, recorded: ModelIdentity) throws {
        if recorded.sha256 != nil {
            if let difference = try recorded.difference(fromFileAt: path) {
                throw ModelMismatch(message: difference + ": replaying with another model cannot reproduce its tokens")
            }
            return
        }
        let identity = try ModelIdentity.describe(path: path, hashing: false)
        if identity.byteCount != recorded.byteCount || identity.fileName != recorded.fileName {
            warn("the trace was recorded with \(recorded.fileName) (\(recorded.byteCount) bytes), replaying with \(identity.fileName) (\(identity.byteCount) bytes)")
        }
    }

    struct ModelMismatch: Error, CustomStringConvertible {
        var message: String
        var description: String { message }
    }

    /// The trace's model path when it still exists; otherwise the default model if that is what
    /// was recorded (a trace moved to another machine), else the recorded path for the error.
    static func modelPath(for identity: ModelIdentity) -> String {
        if FileManager.default.fileExists(atPath: identity.path) { return identity.path }
        if identity.fileName == DefaultModel.fileName, let cached = DefaultModel.resolve(explicitPath: nil) { return cached }
        return identity.path
    }

    static func warn(_ message: String) {
        Console.err("decodelab: \(message)\n")
    }
}
