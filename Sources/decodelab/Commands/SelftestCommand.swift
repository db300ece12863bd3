import Decoding
import Foundation

/// `decodelab selftest`: checks that every strategy claiming losslessness really samples from
/// the target's law, by many seeded runs through the real loop on the ToyModel.
enum SelftestCommand: Command {
    static let name = "selftest"
    static let summary = "Monte Carlo check that every lossless strategy keeps the target distribution"
    static let usage = """
    usage: decodelab selftest [--samples N] [--strategy NAMES] [--json]

    For each strategy that claims to be lossless (the sampling and speculative families), runs
    it N times with seeds 1...N through the real decoding loop (drafting, batched verification,
    KV rollback, bonus tokens) on the built-in ToyModel, under three sampler configurations
    (T=1; T=0.7 with top-k, top-p, min-p and a repeat penalty; T=0), and compares the observed
    law of the first \(LosslessnessSuite.length) generated tokens with the exact law, enumerated from the model.
    A check passes when no impossible sequence appears, the total variation distance is below
    ½(√(cells/N) + √(2 ln(1/δ)/N)) and the chi-square p-value (sparse cells pooled) is at least
    α, with δ = α = 1e-6 (speculative.md, Part 2.2). Greedy configurations run at most
    \(LosslessnessSuite.greedySamples) times: every seed takes the same path.
    Exit status 1 when any check fails.

      --samples N       runs per configuration (default \(defaultSamples); the reference recipe asks 1000000)
      --strategy NAMES  only these strategies (comma-separated)
      --json            print a JSON array, one object per check

    """

    static let defaultSamples = 100_000

    static func run(_ arguments: [String]) async throws -> Int32 {
        let parsed = try Arguments(arguments, valued: [["--samples"], ["--strategy"]], switches: [["--json"]])
        if let extra = parsed.positionals.first { throw CommandLineError.unexpectedArgument(extra) }
        let samples = try parsed.int("--samples", in: 1...100_000_000) ?? defaultSamples
        let names = parsed.string("--strategy").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        for name in names ?? [] where !LosslessnessSuite.strategies.contains(where: { $0.name == name }) {
            let known = LosslessnessSuite.strategies.map(\.name).joined(separator: ", ")
            throw CommandLineError.invalidValue(flag: "--strategy", value: name, expected: "a lossless strategy (\(known))")
        }
        let json = parsed.has("--json")
        let checks = LosslessnessSuite.checks(samples: samples, strategies: names)
        let widths = (max("strategy".count, checks.map(\.strategy.count).max() ?? 0),
                      max("configuration".count, checks.map(\.configuration.count).max() ?? 0))
        if !json { Console.out(header(widths) + "\n") }
        var results: [LosslessnessResult] = []
        for check in checks {
            let result = try await check.run()
            results.append(result)
            if !json { Console.out(row(result, widths) + "\n") }
        }
        if json {
            let data = try JSONSerialization.data(withJSONObject: results.map(object), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
            Console.out(data + [0x0A])
        } else {
            let failed = results.filter { !$0.passed }.count
            Console.out((failed == 0 ? "all \(results.count) checks passed" : "\(failed) of \(results.count) checks FAILED") + "\n")
        }
        return results.allSatisfy(\.passed) ? 0 : 1
    }

    static func header(_ widths: (strategy: Int, configuration: Int)) -> String {
        "strategy".padding(toLength: widths.strategy, withPad: " ", startingAt: 0) + "  "
            + "configuration".padding(toLength: widths.configuration, withPad: " ", startingAt: 0)
            + "  samples  cells       TV  threshold      chi²    df  p-value  result"
    }

    static func row(_ result: LosslessnessResult, _ widths: (strategy: Int, configuration: Int)) -> String {
        let fit = result.fit
        return result.strategy.padding(toLength: widths.strategy, withPad: " ", startingAt: 0) + "  "
            + result.configuration.padding(toLength: widths.configuration, withPad: " ", startingAt: 0)
            + String(format: " %8d %6d %8.5f %10.5f %9.1f %5d %8.2g  ", fit.samples, fit.cells, fit.totalVariation,
                     fit.totalVariationThreshold, fit.chiSquare, fit.degreesOfFreedom, fit.pValue)
            + (result.passed ? "pass" : "FAIL" + (fit.impossible > 0 ? " (\(fit.impossible) impossible)" : ""))
            + String(format: "  %.1fs", result.seconds)
    }

    static func object(_ result: LosslessnessResult) -> [String: Any] {
        let fit = result.fit
        return [
            "strategy": result.strategy, "configuration": result.configuration, "samples": fit.samples, "cells": fit.cells,
            "tv_distance": fit.totalVariation, "tv_threshold": fit.totalVariationThreshold, "chi_square": fit.chiSquare,
            "degrees_of_freedom": fit.degreesOfFreedom, "p_value": fit.pValue, "alpha": fit.alpha, "impossible": fit.impossible,
            "pass": result.passed, "seconds": result.seconds,
        ]
    }
}
