import Foundation
import Testing
import TestSupport

/// `generate --events` then `replay`, as a user runs them on the real model: the trace holds
/// what replay needs to reproduce the run wherever it is replayed from, standard streams never
/// corrupt it, and a trace with nothing to compare is not reported as reproduced.
@Suite(.serialized) struct TraceReplayTests {
    static let run = ["-p", "Hello there", "-n", "8", "-s", "3"]

    /// A temporary folder holding `g/model.gguf`, a symlink to the default model, so a relative
    /// `-m` names the model only from inside it.
    static func folderWithModelLink() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trace-replay-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("g"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.appendingPathComponent("g/model.gguf").path,
                                                   withDestinationPath: try GoldenData.defaultModelPath())
        return folder
    }

    /// Records `run` on the default model into the trace at `path`.
    static func record(to path: String) throws {
        let generated = try BinaryRun(["generate", "-m", try GoldenData.defaultModelPath(), "--events", path] + run)
        #expect(generated.status == 0, "\(generated.stderr)")
    }

    static func header(_ path: String) throws -> [String: Any] {
        let line = try #require(try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").first)
        return try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
    }

    /// Recorded from inside the folder with `-m g/model.gguf`, replayed from the repository root.
    @Test(arguments: ["f32", "q8"])
    func aTraceReplaysFromAnotherDirectoryInItsActivationMode(_ activations: String) throws {
        let folder = try Self.folderWithModelLink()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try BinaryRun(["generate", "-m", "g/model.gguf", "--activations", activations, "--events", "t.jsonl"] + Self.run,
                                      directory: folder)
        #expect(generated.status == 0, "\(generated.stderr)")
        let trace = folder.appendingPathComponent("t.jsonl").path
        let header = try Self.header(trace)
        #expect(header["activations"] as? String == activations)
        #expect((header["model"] as? [String: Any])?["path"] as? String == folder.appendingPathComponent("g/model.gguf").path)
        let replay = try BinaryRun(["replay", trace])
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
        #expect(replay.stdout == "replay: 8 tokens identical to \(trace)\n")
    }

    /// Traces written before the header named the activation mode ran f32, and still replay.
    @Test func aTraceWithoutActivationsReplaysAsF32() throws {
        let folder = try Self.folderWithModelLink()
        defer { try? FileManager.default.removeItem(at: folder) }
        let trace = folder.appendingPathComponent("t.jsonl").path
        try Self.record(to: trace)
        let text = try String(contentsOfFile: trace, encoding: .utf8)
        #expect(text.contains("\"activations\":\"f32\","))
        try text.replacingOccurrences(of: "\"activations\":\"f32\",", with: "").write(toFile: trace, atomically: true, encoding: .utf8)
        let replay = try BinaryRun(["replay", trace])
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
    }

    /// `--events /dev/stdout`: the text is left out of standard output, which carries the trace
    /// alone, and that trace replays.
    @Test func eventsOnStandardOutputLeaveTheTextOut() throws {
        let folder = try Self.folderWithModelLink()
        defer { try? FileManager.default.removeItem(at: folder) }
        let generated = try BinaryRun(["generate", "-m", try GoldenData.defaultModelPath(), "--events", "/dev/stdout"] + Self.run)
        #expect(generated.status == 0, "\(generated.stderr)")
        let lines = generated.stdout.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.last == "" && lines.dropLast().allSatisfy { $0.hasPrefix("{") && $0.hasSuffix("}") }, "\(generated.stdout)")
        let trace = folder.appendingPathComponent("t.jsonl").path
        try generated.stdoutData.write(to: URL(fileURLWithPath: trace))
        let replay = try BinaryRun(["replay", trace])
        #expect(replay.status == 0, "\(replay.stdout)\(replay.stderr)")
        #expect(try BinaryRun(["generate", "--help"]).stdout.contains("when FILE is standard output (/dev/stdout), no text is printed"))
    }

    /// With the text left out of standard output, a constrained run is still judged on the
    /// text it made: output the regex holds whole at the length limit is no error.
    @Test func aConstrainedRunWithEventsOnStandardOutputIsJudgedOnItsText() throws {
        let generated = try BinaryRun(["generate", "-m", try GoldenData.defaultModelPath(), "--events", "/dev/stdout",
                                       "-p", "Count:", "--regex", "[0-9 ]+", "--temp", "0", "-n", "3", "-s", "1"])
        #expect(generated.status == 0, "\(generated.stderr)")
        #expect(generated.stderr.contains("finished: length limit"), "\(generated.stderr)")
        #expect(!generated.stderr.contains("incomplete"), "\(generated.stderr)")
    }

    /// Standard error redirected to the events file: what it held before the trace (a warning)
    /// is kept, the trace follows whole, and the summary comes after it instead of over it.
    @Test func eventsInStandardErrorsFileAreAppendedNotOverwritten() throws {
        let folder = try Self.folderWithModelLink()
        defer { try? FileManager.default.removeItem(at: folder) }
        let shared = folder.appendingPathComponent("shared.jsonl").path
        #expect(FileManager.default.createFile(atPath: shared, contents: nil))
        let generated = try BinaryRun(["generate", "-m", try GoldenData.defaultModelPath(), "--strategy", "greedy", "--draft-length", "3",
                                       "--events", shared] + Self.run, stderrPath: shared)
        #expect(generated.status == 0)
        #expect(!generated.stdout.isEmpty)
        let lines = try String(contentsOfFile: shared, encoding: .utf8).split(separator: "\n")
        #expect(lines.first == "decodelab: warning: greedy does not use --draft-length", "\(lines)")
        #expect(lines.last?.hasPrefix("decodelab: 8 tokens in") == true, "\(lines)")
        let trace = lines.dropFirst().dropLast()
        #expect(trace.first?.contains("\"format\":\"decodelab-trace\"") == true)
        #expect(trace.last == "{\"event\":\"finished\",\"reason\":\"length\"}")
        #expect(trace.allSatisfy { (try? JSONSerialization.jsonObject(with: Data($0.utf8))) != nil }, "\(trace)")
    }

    /// A trace that stops before its first step is finished compares no token: replay says so
    /// and fails rather than reporting "0 tokens identical".
    @Test func aTraceWithoutStepsIsRefused() throws {
        let folder = try Self.folderWithModelLink()
        defer { try? FileManager.default.removeItem(at: folder) }
        let full = folder.appendingPathComponent("full.jsonl").path
        try Self.record(to: full)
        let lines = try String(contentsOfFile: full, encoding: .utf8).split(separator: "\n")
        let firstStep = try #require(lines.firstIndex { $0.hasPrefix("{\"event\":\"step\"") })
        let cuts: [(name: String, text: String, detail: String)] = [
            ("header.jsonl", lines[0] + "\n", ""),
            ("cut.jsonl", lines[..<firstStep].joined(separator: "\n") + "\n" + String(lines[firstStep].prefix(40)), " (its last line is cut off)"),
        ]
        for (name, text, detail) in cuts {
            let path = folder.appendingPathComponent(name).path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            let replay = try BinaryRun(["replay", path])
            #expect(replay.status == 1, "\(name)")
            #expect(replay.stderr == "decodelab: \(path): the trace holds no steps to compare: the recording stopped before its first step\(detail)\n")
        }
    }

    /// A recorded token the model does not have is refused with its line, by `--print` as by
    /// a full replay: the printed text would silently lack it.
    @Test func aTokenOutsideTheVocabularyIsRefused() throws {
        let folder = try Self.folderWithModelLink()
        defer { try? FileManager.default.removeItem(at: folder) }
        let trace = folder.appendingPathComponent("edited.jsonl").path
        try Self.record(to: trace)
        var lines = try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").map(String.init)
        let lastStep = try #require(lines.lastIndex { $0.hasPrefix("{\"event\":\"step\"") })
        // A sampling step's one token ends its line.
        lines[lastStep] = lines[lastStep].replacing(/"token":\d+\}\]\}\}$/, with: "\"token\":10000000}]}}")
        try (lines.joined(separator: "\n") + "\n").write(toFile: trace, atomically: true, encoding: .utf8)
        for arguments in [["replay", trace, "--print"], ["replay", trace]] {
            let replay = try BinaryRun(arguments)
            #expect(replay.status == 1, "\(arguments)")
            #expect(replay.stdout == "", "\(arguments)")
            #expect(replay.stderr == "decodelab: \(trace):\(lastStep + 1): generated token 7 = 10000000 is outside the vocabulary 0…49151\n", "\(arguments)")
        }
    }
}
