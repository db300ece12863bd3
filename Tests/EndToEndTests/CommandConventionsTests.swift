import Testing
import TestSupport

/// The small conventions of command-line tools: `help COMMAND`, `info FILE` as gguf-dump
/// takes it, counts in the right number.
struct CommandConventionsTests {
    @Test func helpNamesACommand() throws {
        let run = try BinaryRun(["help", "generate"])
        #expect(run.status == 0)
        #expect(run.stdout.hasPrefix("usage: decodelab generate"), "\(run.stdout.prefix(80))")
    }

    @Test func infoTakesTheFileAsAnArgument() throws {
        let model = try GoldenData.defaultModelPath()
        let run = try BinaryRun(["info", model])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("llama"), "\(run.stdout.prefix(200))")
        let both = try BinaryRun(["info", "-m", model, "other.gguf"])
        #expect(both.status == 1)
        #expect(both.stderr.contains("other.gguf"), "\(both.stderr)")
    }

    @Test func oneTokenIsOneToken() throws {
        let run = try BinaryRun(["generate", "-m", try GoldenData.defaultModelPath(), "-p", "Hi", "-n", "1", "--temp", "0"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("decodelab: 1 token in "), "\(run.stderr)")
        #expect(run.stderr.contains("; 1 target evaluation ("), "\(run.stderr)")
    }

    @Test func oneRuleIsOneRule() throws {
        let run = try BinaryRun(["grammar", "check", "--regex", "a", "--input", "a"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("--regex: ok, 1 rule after lowering, compiled in "), "\(run.stdout)")
        #expect(run.stdout.hasSuffix("\ninput: accepted, complete (1 byte)\n"), "\(run.stdout)")
    }

    /// A flag the strategy does not use is reported whether or not `--strategy` was given,
    /// and is not also checked against the model; `--temp 0` is what greedy is.
    @Test func unusedFlagsAreReported() throws {
        let model = try GoldenData.defaultModelPath()
        let sampling = try BinaryRun(["generate", "-m", model, "-p", "Hi", "-n", "1", "-s", "1", "--draft-length", "4"])
        #expect(sampling.status == 0, "\(sampling.stderr)")
        #expect(sampling.stderr.hasPrefix("decodelab: warning: sampling does not use --draft-length\n"), "\(sampling.stderr)")
        let greedy = try BinaryRun(["generate", "-m", model, "-p", "Hi", "-n", "1", "--strategy", "greedy", "--temp", "0", "--exit-layer", "64"])
        #expect(greedy.status == 0, "\(greedy.stderr)")
        #expect(greedy.stderr.hasPrefix("decodelab: warning: greedy does not use --exit-layer\ndecodelab: 1 token"), "\(greedy.stderr)")
    }

    /// The warning names an unused flag as it was typed: `--temp` or `--temperature`.
    @Test(arguments: ["--temp", "--temperature"])
    func anUnusedFlagIsNamedAsTyped(flag: String) throws {
        let run = try BinaryRun(["generate", "-m", try GoldenData.defaultModelPath(), "-p", "Hi", "-n", "1", "--strategy", "beam", flag, "0"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.hasPrefix("decodelab: warning: beam does not use \(flag)\n"), "\(run.stderr)")
    }

    /// Run with descriptor 1 closed (`>&-`), the binary says so rather than writing into
    /// whatever file later took descriptor 1.
    @Test func aClosedStandardOutputIsSaidToBe() throws {
        let run = try BinaryRun(shellWords: "--help >&-")
        #expect(run.status == 1)
        #expect(run.stderr == "decodelab: standard output is closed\n", "\(run.stderr)")
    }
}
