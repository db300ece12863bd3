import Foundation
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
}
