import Decoding
import Engine
import Foundation
import Inference

/// `decodelab bench --strategy NAME --prompt-file FILE`: a strategy against plain decoding on
/// the same prompt, parameters and seed, both run by the Engine exactly as `generate` runs them.
/// Plain decoding is the sampling strategy: ancestral sampling, or greedy at temperature 0.
enum StrategyBench {
    /// One strategy's measurements: tokens/s over the timed repetitions and the last run.
    struct Measurement {
        var strategy: String
        var rates: MeanAndDeviation
        /// Time spent outside the model (engine, strategy, events) over the decoding wall time.
        var overhead: MeanAndDeviation
        var run: EngineRun
        var speculation: SpeculationStatistics { SpeculationStatistics(steps: run.steps) }

        func speedup(over reference: Measurement) -> Double {
            reference.rates.mean > 0 ? rates.mean / reference.rates.mean : 0
        }
    }

    static func run(_ parsed: Arguments, strategy requested: String) async throws -> Int32 {
        guard let promptFile = parsed.string("--prompt-file") else { throw CommandLineError.missing("--prompt-file FILE (with --strategy)") }
        let promptText = try UserFile.text(promptFile, flag: "--prompt-file", dropFinalNewline: true)
        let strategies = try names(requested)
        var parameters = DecodingParameters()
        try StrategyParameterFlags.apply(parsed, to: &parameters)
        // Speed-ups are usually quoted lossless at temperature 0, so that is the default here.
        if parsed.string("--temp") == nil { parameters.set("temperature", to: 0) }
        // Plain decoding through the same sampler chain (greedy at temperature 0), so a logit bias
        // or penalty shapes the baseline exactly as it shapes the target of the strategy.
        let baseline = SamplingStrategy.descriptor.name
        let seed = try parsed.uint64("--seed") ?? 1
        let predict = try parsed.int("--n-predict", in: 1...100_000) ?? 128
        let repetitions = try parsed.int("--repetitions", in: 1...1000) ?? 3
        let threads = try parsed.int("--threads", in: 1...1024) ?? ProcessInfo.processInfo.activeProcessorCount
        let chat = parsed.has("--chat")

        let activations = try ActivationFlags.precision(parsed)
        let loaded = try await ModelLoader.load(explicit: parsed.string("--model"), offline: true, threads: threads, activations: activations)
        try StrategyParameterFlags.checkLayers(parameters, layerCount: loaded.model.layerCount)
        let prompt = try PromptEncoding.tokens(for: promptText, chat: chat, tokenizer: loaded.tokenizer)
        if parsed.has("--ignore-eos") {
            // Like llama.cpp's --ignore-eos: every run makes all n tokens. The bias is part of the
            // sampler chain, so the target all strategies must reproduce is the same.
            for token in 0..<loaded.tokenizer.count where loaded.tokenizer.isEndOfGeneration(TokenID(token)) {
                parameters.sampler.logitBias[TokenID(token)] = -.infinity
            }
        }
        let modelName = (loaded.path as NSString).lastPathComponent
        let model = TimedModel(loaded.model)
        let modelClock = model.clock
        let engine = try Engine(
            model: model,
            configuration: RunConfiguration(strategy: baseline, parameters: parameters, seed: seed, prompt: prompt, maxNewTokens: predict),
            buffering: .unbounded)
        var events = engine.events.makeAsyncIterator()

        // Warm-up first (caches, page faults, the worker pool), then every strategy once per
        // repetition, interleaved so drift on a shared machine hits them alike.
        let all = [baseline] + strategies
        for name in all { _ = try await EngineRun.decode(name, engine: engine, events: &events) }
        var rates = all.map { _ in [Double]() }
        var overheads = all.map { _ in [Double]() }
        var lastRuns = all.map { _ in EngineRun() }
        for _ in 0..<repetitions {
            for (index, name) in all.enumerated() {
                let (modelBefore, started) = (modelClock.seconds, ContinuousClock.now)
                lastRuns[index] = try await EngineRun.decode(name, engine: engine, events: &events)
                let wall = (ContinuousClock.now - started).seconds
                rates[index].append(lastRuns[index].stats.tokensPerSecond)
                // Relative to decoding alone: the prompt's prefill is all model time.
                let decoding = wall - lastRuns[index].stats.promptSeconds
                overheads[index].append(max(0, wall - (modelClock.seconds - modelBefore)) / decoding)
            }
        }
        await engine.shutdown()
        let measurements = all.indices.map { Measurement(strategy: all[$0], rates: MeanAndDeviation(rates[$0]), overhead: MeanAndDeviation(overheads[$0]), run: lastRuns[$0]) }
        let reference = measurements[0]
        let setup: [String: Any] = [
            "cpu": BenchCommand.cpuModel(), "cores": ProcessInfo.processInfo.activeProcessorCount, "threads": threads, "activations": activations.rawValue,
            "model": modelName, "prompt_file": promptFile, "prompt_tokens": prompt.count, "chat": chat, "n_predict": predict,
            "seed": seed, "temperature": parameters.sampler.temperature, "repetitions": repetitions,
            "baseline_strategy": baseline, "baseline_tokens_per_second": reference.rates.mean,
            "baseline_tokens_per_second_sd": reference.rates.sd,
            "baseline_engine_overhead": reference.overhead.mean,
        ]
        let compared = Array(measurements.dropFirst())
        if parsed.has("--json") {
            var object = setup
            let results = compared.map { fields($0, reference: reference, greedy: parameters.sampler.isGreedy) }
            if requested == allStrategies {
                object["results"] = results
            } else if let only = results.first {
                object.merge(only) { _, new in new }
            }
            let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes])
            Console.out(data + [0x0A])
        } else {
            var out = "cpu: \(setup["cpu"] ?? "") (\(setup["cores"] ?? 0) cores), \(threads) threads · model: \(modelName)\n"
            out += "prompt: \(promptFile) (\(prompt.count) tokens\(chat ? ", chat" : "")) · n \(predict) · seed \(seed) · "
            out += "temp \(parameters.sampler.temperature) · \(repetitions) repetitions after a warm-up\n\n"
            out += table(measurements, greedy: parameters.sampler.isGreedy)
            Console.out(out)
        }
        return 0
    }

    static let allStrategies = "all"

    /// The strategies `--strategy` names: one, or every speculative one for `all`.
    static func names(_ requested: String) throws -> [String] {
        if requested == allStrategies {
            return StrategyCatalog.descriptors.filter { $0.family == .speculative }.map(\.name)
        }
        guard StrategyCatalog.descriptor(named: requested) != nil else {
            throw CommandLineError.invalidValue(flag: "--strategy", value: requested,
                                                expected: "all or one of \(StrategyCatalog.descriptors.map(\.name).joined(separator: ", "))")
        }
        return [requested]
    }

    static func fields(_ measurement: Measurement, reference: Measurement, greedy: Bool) -> [String: Any] {
        let run = measurement.run, speculation = measurement.speculation
        var object: [String: Any] = [
            "strategy": measurement.strategy,
            "tokens_per_second": measurement.rates.mean, "tokens_per_second_sd": measurement.rates.sd,
            "mean_accepted_tokens": run.stats.tokensPerEvaluation,
            "speedup": measurement.speedup(over: reference),
            "generated_tokens": run.stats.generatedTokens, "rounds": run.stats.steps,
            "target_evaluations": run.stats.targetEvaluations, "draft_evaluations": run.stats.draftEvaluations,
            "baseline_target_evaluations": reference.run.stats.targetEvaluations,
            "acceptance_rate": speculation.acceptanceRate, "position_acceptance": speculation.positionAcceptance,
            "mean_draft_size": speculation.meanDraftSize,
            "engine_overhead": measurement.overhead.mean,
        ]
        // At temperature 0 a lossless strategy must write the baseline's text exactly.
        if greedy { object["identical_to_baseline"] = run.tokens == reference.run.tokens }
        return object
    }

    /// One row per measurement; the first is the baseline the others are compared with.
    static func table(_ measurements: [Measurement], greedy: Bool) -> String {
        guard let reference = measurements.first else { return "" }
        let header = ["strategy", "t/s", "MAT", "speedup", "target", "draft", "accept", "overhead", "per position"] + (greedy ? ["= greedy"] : [])
        let rows = measurements.indices.map { index -> [String] in
            let measurement = measurements[index]
            let run = measurement.run, speculation = measurement.speculation
            let isReference = index == 0
            var row = [
                measurement.strategy + (isReference ? " (baseline)" : ""), measurement.rates.formatted,
                String(format: "%.2f", run.stats.tokensPerEvaluation),
                String(format: "%.2f×", measurement.speedup(over: reference)),
                "\(run.stats.targetEvaluations)", "\(run.stats.draftEvaluations)",
                speculation.tested > 0 ? String(format: "%.0f%%", speculation.acceptanceRate * 100) : "—",
                String(format: "%.1f%%", measurement.overhead.mean * 100),
                speculation.positionAcceptance.prefix(6).map { String(format: "%.2f", $0) }.joined(separator: " "),
            ]
            if greedy { row.append(isReference ? "" : (run.tokens == reference.run.tokens ? "yes" : "NO")) }
            return row
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            "| " + cells.indices.map { i in
                let pad = String(repeating: " ", count: widths[i] - cells[i].count)
                return (i == 0 || i == 8) ? cells[i] + pad : pad + cells[i]
            }.joined(separator: " | ") + " |\n"
        }
        let rule = "|" + widths.indices.map { i in
            (i == 0 || i == 8) ? String(repeating: "-", count: widths[i] + 2) : String(repeating: "-", count: widths[i] + 1) + ":"
        }.joined(separator: "|") + "|\n"
        return line(header) + rule + rows.map(line).joined()
    }
}
