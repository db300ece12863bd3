import Foundation
import Glibc

/// Runs the real `decodelab` binary on a pseudo-terminal, the way a user's terminal would:
/// keys are written to the master side and everything the app draws is collected from it.
final class PseudoTerminal {
    let process: Process
    private let master: Int32
    private let output = CapturedOutput()

    /// The binary built next to this test bundle.
    static var binary: URL {
        URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("decodelab")
    }

    /// `controllingTerminal` makes the pty the app's controlling terminal, as a shell would
    /// (through util-linux `setsid --ctty --wait`), so Ctrl-C typed on it is SIGINT; `signal`
    /// then reaches setsid, not the app.
    init(arguments: [String], width: Int = 120, height: Int = 40, environment extra: [String: String] = [:],
         directory: URL = FileManager.default.temporaryDirectory, controllingTerminal: Bool = false) throws {
        var master: Int32 = 0, slave: Int32 = 0
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { throw POSIXError(.ENODEV) }
        self.master = master
        let process = Process()
        if controllingTerminal {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setsid")
            process.arguments = ["--ctty", "--wait", PseudoTerminal.binary.path] + arguments
        } else {
            process.executableURL = PseudoTerminal.binary
            process.arguments = arguments
        }
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["SWIFT_BACKTRACE"] = "enable=no"
        environment.removeValue(forKey: "NO_COLOR")
        for (key, value) in extra { environment[key] = value }
        process.environment = environment
        // Anything the app writes (traces) lands outside the repository.
        process.currentDirectoryURL = directory
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = handle
        self.process = process
        let reader = Thread { [master, output] in
            var chunk = [UInt8](repeating: 0, count: 65536)
            while true {
                let count = read(master, &chunk, chunk.count)
                if count <= 0 { break }
                output.append(chunk[0..<count])
            }
            output.end()
        }
        try process.run()
        close(slave)
        reader.start()
    }

    deinit {
        if process.isRunning { process.terminate() }
        close(master)
    }

    var text: String { output.text }

    func type(_ keys: String) {
        let bytes = Array(keys.utf8)
        _ = bytes.withUnsafeBufferPointer { write(master, $0.baseAddress, $0.count) }
    }

    /// Changes the window size. The pty is not the child's controlling terminal, so the
    /// kernel does not send SIGWINCH; it is sent by hand, as a terminal emulator's would be.
    func resize(width: Int, height: Int) {
        var size = winsize(ws_row: UInt16(height), ws_col: UInt16(width), ws_xpixel: 0, ws_ypixel: 0)
        _ = ioctl(master, UInt(TIOCSWINSZ), &size)
        kill(process.processIdentifier, SIGWINCH)
    }

    func signal(_ signo: Int32) {
        kill(process.processIdentifier, signo)
    }

    /// Waits until the output contains `needle`; false after `timeout` seconds.
    @discardableResult
    func waitFor(_ needle: String, timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if text.contains(needle) { return true }
            usleep(20_000)
        }
        return false
    }

    /// Waits for the process to exit; false if it is still running after `timeout` seconds.
    /// Waits for the app to exit and for the reader to collect the last bytes it wrote: on a
    /// busy machine they can still sit in the terminal when the process is already gone.
    func waitForExit(timeout: Double = 20) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning || !output.isComplete, Date() < deadline { usleep(20_000) }
        return !process.isRunning
    }

    /// The terminal's line discipline as the app left it (the master reports the slave's).
    var isCookedWithEcho: Bool {
        var modes = termios()
        guard tcgetattr(master, &modes) == 0 else { return false }
        return modes.c_lflag & tcflag_t(ICANON) != 0 && modes.c_lflag & tcflag_t(ECHO) != 0
    }
}
