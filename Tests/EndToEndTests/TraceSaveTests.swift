import Foundation
import TestSupport
import Testing

/// `w` in the TUI saves the run on screen as a trace `replay` reads: header first, only the
/// run since the last restart, and a new file for every press.
@Suite struct TraceSaveTests {
    @Test func everyPressSavesTheRunOnScreenToItsOwnReplayableFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trace-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let tty = try PseudoTerminal(arguments: ["--toy", "-n", "12"], directory: folder)
        #expect(tty.waitFor("Inspector"))
        tty.type("r")
        usleep(500_000)
        // Two presses well within one second.
        tty.type("ww")
        #expect(tty.waitFor("trace saved"))
        let deadline = Date().addingTimeInterval(20)
        var files: [URL] = []
        while Date() < deadline {
            files = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil).filter { $0.pathExtension == "jsonl" }
            if files.count == 2, try files.allSatisfy({ try String(contentsOf: $0, encoding: .utf8).hasSuffix("\n") }) { break }
            usleep(50_000)
        }
        tty.type("q")
        #expect(tty.waitForExit())
        #expect(files.count == 2, "\(files)")
        for file in files {
            let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n")
            #expect(lines.first?.contains("\"format\":\"decodelab-trace\"") == true, "\(file.lastPathComponent): \(lines.first ?? "")")
            #expect(lines.first?.contains("\"promptText\":\"the cat\"") == true)
            #expect(lines.filter { $0.contains("\"event\":\"started\"") }.count == 1, "\(file.lastPathComponent) holds more than one run")
        }
    }

    /// The real model opened as `-m g/model.gguf --activations q8`: the saved trace names the
    /// model by absolute path and records q8, so `replay` from elsewhere reproduces the run.
    @Test func aSavedTraceReplaysFromElsewhereInItsActivationMode() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trace-save-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("g"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let model = folder.appendingPathComponent("g/model.gguf")
        try FileManager.default.createSymbolicLink(atPath: model.path, withDestinationPath: try GoldenData.defaultModelPath())
        let tty = try PseudoTerminal(arguments: ["-m", "g/model.gguf", "--activations", "q8", "-n", "6", "--temp", "0"], directory: folder)
        #expect(tty.waitFor("Inspector"))
        #expect(tty.waitFor("■ length"))
        tty.type("w")
        #expect(tty.waitFor("trace saved"))
        tty.type("q")
        #expect(tty.waitForExit())
        let file = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasSuffix(".jsonl") })
        let trace = folder.appendingPathComponent(file).path
        let header = try #require(try String(contentsOfFile: trace, encoding: .utf8).split(separator: "\n").first)
        #expect(header.contains("\"activations\":\"q8\"") && header.contains("\"path\":\"\(model.path)\""), "\(header)")
        let replay = try BinaryRun(["replay", trace])
        #expect(replay.status == 0 && replay.stdout.hasPrefix("replay: 6 tokens identical"), "\(replay.stdout)\(replay.stderr)")
    }
}
