import Foundation
import Testing
import TestSupport

/// Output that cannot be written ends a command with the system's reason and status 1, where
/// Foundation's `FileHandle.write` crashed the process with a backtrace.
struct OutputFailureTests {
    @Test(arguments: [["strategies"], ["--help"], ["generate", "-p", "Hi", "-n", "2", "--temp", "0", "-s", "1"]])
    func aFullDiskIsAnErrorNotACrash(_ arguments: [String]) throws {
        var arguments = arguments
        if arguments.first == "generate" { arguments += ["-m", try GoldenData.defaultModelPath()] }
        let run = try BinaryRun(arguments, stdoutPath: "/dev/full")
        #expect(run.status == 1)
        #expect(run.stderr == "decodelab: cannot write to standard output: No space left on device\n", "\(run.stderr)")
    }
}
