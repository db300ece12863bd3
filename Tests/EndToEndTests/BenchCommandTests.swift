import Foundation
import TestSupport
import Testing

/// `decodelab bench --strategy`, `bench --json-schema` and `selftest` as a user runs them: the
/// real binary on the real model (the ToyModel for selftest), JSON read back and checked for
/// the numbers' meaning rather than their speed.
@Suite(.serialized) struct BenchCommandTests {
    func decodelab(_ arguments: [String]) throws -> BinaryRun { try BinaryRun(arguments) }

    @Test func strategyBenchComparesWithGreedyOnTheSameText() throws {
        let model = try GoldenData.defaultModelPath()
        let run = try decodelab(["bench", "-m", model, "--strategy", "speculative-lookup", "--prompt-file", "samples/prompts/code-edit.txt",
                                 "--chat", "--ignore-eos", "-n", "32", "-r", "1", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = run.object
        let generated = try #require(result["generated_tokens"] as? Int)
        let targetPasses = try #require(result["target_evaluations"] as? Int)
        let mat = try #require(result["mean_accepted_tokens"] as? Double)
        let rate = try #require(result["tokens_per_second"] as? Double)
        let baseline = try #require(result["baseline_tokens_per_second"] as? Double)
        let speedup = try #require(result["speedup"] as? Double)
        #expect(result["baseline_strategy"] as? String == "sampling" && result["temperature"] as? Double == 0)
        // Lossless at temperature 0: the same text as greedy, all 32 tokens, in fewer target passes.
        #expect(result["identical_to_baseline"] as? Bool == true && generated == 32)
        #expect(abs(mat - Double(generated) / Double(targetPasses)) < 1e-9)
        #expect(mat > 1 && targetPasses < (result["baseline_target_evaluations"] as? Int ?? 0))
        #expect(abs(speedup - rate / baseline) < 1e-9)
        let positions = try #require(result["position_acceptance"] as? [Double])
        #expect(!positions.isEmpty && positions.allSatisfy { (0...1).contains($0) })
        #expect((result["cores"] as? Int ?? 0) >= 1 && !(result["cpu"] as? String ?? "").isEmpty)
    }

    @Test func schemaBenchTimesMasksAndCountsAWRSChecks() throws {
        let model = try GoldenData.defaultModelPath()
        let run = try decodelab(["bench", "-m", model, "--json-schema", "samples/schemas/person.json",
                                 "--instance", "samples/schemas/person.instance.json", "--passes", "1", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let result = run.object
        let p50 = try #require(result["mask_us_p50"] as? Double), p99 = try #require(result["mask_us_p99"] as? Double)
        #expect(0 < p50 && p50 <= p99 && p99 <= (result["mask_us_max"] as? Double ?? 0))
        #expect((result["compile_ms"] as? Double ?? 0) > 0 && (result["tokens"] as? Double ?? 0) > 0)
        // A check is made at least once per step, and the median step needs few on a good prompt.
        let checks = try #require(result["awrs_checks_p50"] as? Double)
        #expect(checks >= 1 && checks <= (result["awrs_checks_max"] as? Double ?? 0))
        #expect((result["awrs_checks_mean"] as? Double ?? 0) >= 1)
    }

    @Test func schemaBenchRejectsAnInstanceOutsideTheSchema() throws {
        let model = try GoldenData.defaultModelPath()
        let run = try decodelab(["bench", "-m", model, "--json-schema", "samples/schemas/person.json",
                                 "--instance", "samples/schemas/recipe.instance.json", "--passes", "1"])
        #expect(run.status == 1)
        #expect(run.stderr.contains("samples/schemas/recipe.instance.json") && run.stderr.contains("is not allowed by the constraint"))
    }

    @Test func selftestPassesForRealStrategiesAndNamesUnknownOnes() throws {
        let run = try decodelab(["selftest", "--strategy", "sampling,speculative-lookup", "--samples", "5000", "--json"])
        #expect(run.status == 0, "\(run.stderr)")
        let checks = run.array
        #expect(checks.count == 6)
        for check in checks {
            #expect(check["pass"] as? Bool == true, "\(check)")
            #expect((check["tv_distance"] as? Double ?? 1) <= (check["tv_threshold"] as? Double ?? 0))
        }
        let unknown = try decodelab(["selftest", "--strategy", "beam"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("decodelab: option --strategy: 'beam' is not a lossless strategy"))
        let empty = try decodelab(["selftest", "--strategy", ""])
        #expect(empty.status == 1, "an empty list checks nothing and must not pass")
    }

    /// Each bench reads only its own flags; another's would be silently ignored, so it is refused.
    @Test(arguments: [
        (["--json-schema", "samples/schemas/person.json", "--instance", "samples/schemas/person.instance.json", "-n", "16"],
         "the --json-schema bench does not read option -n"),
        (["--json-schema", "samples/schemas/person.json", "--instance", "samples/schemas/person.instance.json", "--chat"],
         "the --json-schema bench does not read option --chat"),
        (["--json-schema", "samples/schemas/person.json", "--instance", "samples/schemas/person.instance.json", "--temp", "0.5"],
         "the --json-schema bench does not read option --temp"),
        (["--strategy", "greedy", "--prompt-file", "samples/prompts/story.txt", "--passes", "2"], "the --strategy bench does not read option --passes"),
        (["--strategy", "greedy", "--json-schema", "samples/schemas/person.json"], "--strategy and --json-schema: give only one"),
    ])
    func anotherBenchsFlagIsRefused(_ flags: [String], message: String) throws {
        let run = try decodelab(["bench"] + flags)
        #expect(run.status == 1)
        #expect(run.stderr == "decodelab: \(message)\n", "\(run.stderr)")
    }

    /// pp/tg use fixed token ids: a prompt or sampler flag there would be ignored, so it is refused.
    @Test(arguments: [["--chat"], ["--ignore-eos"], ["--temp", "0.5"], ["-n", "16"], ["-s", "3"]])
    func strategyFlagsWithoutAStrategyAreRefused(_ flag: [String]) throws {
        let run = try decodelab(["bench", "-r", "3"] + flag)
        #expect(run.status == 1)
        #expect(run.stderr.contains("--strategy NAME or --json-schema FILE") && run.stderr.contains("belongs to one of them"), "\(run.stderr)")
    }
}
