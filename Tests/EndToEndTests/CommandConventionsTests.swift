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
}
