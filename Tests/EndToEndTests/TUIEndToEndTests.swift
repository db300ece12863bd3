import Foundation
import Glibc
import Testing

/// The real binary in a pseudo-terminal (ToyModel, so no model file or timing matters):
/// keys in, screen out, and the terminal given back on every way out.
@Suite(.serialized) struct TUIEndToEndTests {
    let enterAlternateScreen = "\u{1B}[?1049h"
    let leaveAlternateScreen = "\u{1B}[?1049l"
    /// xterm-256color's clear_screen.
    let clearScreen = "\u{1B}[H\u{1B}[2J"

    func dumpPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("decodelab-frame-\(UUID().uuidString).txt").path
    }

    @Test func drawsTheScreenTakesKeysAndQuitsCleanly() throws {
        let dump = dumpPath()
        defer { try? FileManager.default.removeItem(atPath: dump) }
        let tty = try PseudoTerminal(arguments: ["--toy", "-n", "400", "--dump-frame", dump])
        // The strategy is the header's one part that is never dropped for room (the brand is the first).
        #expect(tty.waitFor("[2] sampling"))
        #expect(tty.text.contains(enterAlternateScreen))
        #expect(tty.waitFor("Inspector"))
        tty.type("3")
        #expect(tty.waitFor("beam"))
        tty.type("q")
        #expect(tty.waitForExit())
        #expect(tty.process.terminationStatus == 0)
        #expect(tty.text.hasSuffix(leaveAlternateScreen) || tty.text.contains(leaveAlternateScreen))
        #expect(tty.isCookedWithEcho)
        let frame = try String(contentsOfFile: dump, encoding: .utf8)
        #expect(frame.split(separator: "\n", omittingEmptySubsequences: false).first?.contains("[3] beam") == true)
    }

    @Test func followsAResize() throws {
        let dump = dumpPath()
        defer { try? FileManager.default.removeItem(atPath: dump) }
        let tty = try PseudoTerminal(arguments: ["--toy", "--paused", "--dump-frame", dump])
        #expect(tty.waitFor("Timeline"))
        tty.resize(width: 80, height: 24)
        usleep(300_000)
        tty.type(".")
        #expect(tty.waitFor("step 1"))
        tty.type("q")
        #expect(tty.waitForExit())
        let lines = try String(contentsOfFile: dump, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 24)
        #expect(lines.first?.contains("sampling") == true)
    }

    @Test func tooSmallThenEnlargedRecovers() throws {
        let dump = dumpPath()
        defer { try? FileManager.default.removeItem(atPath: dump) }
        let tty = try PseudoTerminal(arguments: ["--toy", "--paused", "--dump-frame", dump], width: 50, height: 15)
        #expect(tty.waitFor("terminal too small"))
        tty.resize(width: 90, height: 30)
        #expect(tty.waitFor("Inspector"))
        tty.type("q")
        #expect(tty.waitForExit())
        #expect(try String(contentsOfFile: dump, encoding: .utf8).contains("Timeline"))
    }

    /// A terminal resized while on the alternate screen (tmux) can carry its rows over to the
    /// normal screen when the app leaves it: the screen is cleared first, so the last frame
    /// does not stay above the shell prompt.
    @Test func leavesABlankAlternateScreenAfterAResize() throws {
        let tty = try PseudoTerminal(arguments: ["--toy", "--paused"], width: 40, height: 10)
        #expect(tty.waitFor("terminal too small"))
        tty.resize(width: 120, height: 40)
        #expect(tty.waitFor("Inspector"))
        tty.type("q")
        #expect(tty.waitForExit())
        let text = tty.text
        guard let frame = text.range(of: "Inspector", options: .backwards),
              let clear = text.range(of: clearScreen, options: .backwards),
              let leave = text.range(of: leaveAlternateScreen, options: .backwards) else {
            Issue.record("no frame, clear or leave sequence in the output")
            return
        }
        #expect(frame.upperBound <= clear.lowerBound && clear.upperBound <= leave.lowerBound)
        #expect(!text[clear.upperBound..<leave.lowerBound].contains("│"), "nothing is drawn after the clear")
    }

    /// The exit status is the one shells give a process a signal ended: 128 + its number.
    @Test(arguments: zip([SIGTERM, SIGINT, SIGHUP], [Int32(143), 130, 129]))
    func terminationSignalsRestoreTheTerminal(_ signo: Int32, _ status: Int32) throws {
        let tty = try PseudoTerminal(arguments: ["--toy", "-n", "100000"])
        #expect(tty.waitFor("Inspector"))
        tty.signal(signo)
        #expect(tty.waitForExit())
        #expect(tty.process.terminationReason == .exit)
        #expect(tty.process.terminationStatus == status)
        #expect(tty.text.contains(leaveAlternateScreen))
        #expect(tty.isCookedWithEcho)
    }

    @Test(arguments: [SIGSEGV, SIGABRT])
    func aCrashRestoresTheTerminal(_ signo: Int32) throws {
        let tty = try PseudoTerminal(arguments: ["--toy", "-n", "100000"])
        #expect(tty.waitFor("Inspector"))
        tty.signal(signo)
        #expect(tty.waitForExit())
        #expect(tty.process.terminationReason == .uncaughtSignal)
        #expect(tty.waitFor("the terminal was restored"))
        #expect(tty.text.contains(leaveAlternateScreen))
        #expect(tty.isCookedWithEcho)
    }

    /// Ctrl-C typed on the terminal is SIGINT (the line discipline's, as in a shell).
    @Test func ctrlCExitsWithTheInterruptStatus() throws {
        let tty = try PseudoTerminal(arguments: ["--toy", "-n", "100000"], controllingTerminal: true)
        #expect(tty.waitFor("Inspector"))
        tty.type("\u{03}")
        #expect(tty.waitForExit())
        #expect(tty.process.terminationStatus == 130)
        #expect(tty.text.contains(leaveAlternateScreen))
        #expect(tty.isCookedWithEcho)
    }

    @Test func heldKeysAndGarbageNeverWedgeIt() throws {
        let tty = try PseudoTerminal(arguments: ["--toy", "-n", "100000"])
        #expect(tty.waitFor("Inspector"))
        var random = SystemRandomNumberGenerator()
        let safe = Array("123sSrRlLtTpP[]hjk.gGzi \t\u{1B}?yZ".utf8)
        for _ in 0..<40 {
            var burst = (0..<250).map { _ in safe.randomElement(using: &random) ?? 32 }
            burst += Array(repeating: UInt8(ascii: "j"), count: 50)
            tty.type(String(decoding: burst, as: UTF8.self))
            usleep(10_000)
        }
        tty.type("\u{1B}q")
        #expect(tty.waitForExit())
        #expect(tty.process.terminationStatus == 0)
    }

    @Test func refusesWithoutATerminal() throws {
        let process = Process()
        process.executableURL = PseudoTerminal.binary
        process.arguments = ["--toy"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus != 0)
        #expect(text.contains("must be a terminal"))
        #expect(!text.contains("\u{1B}["))
    }
}
