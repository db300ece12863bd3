import Engine
import Foundation
import Glibc

/// While ncurses owns the screen, anything written to stderr would be drawn over (and then
/// lost with) the alternate screen, so fd 2 goes to a log file; `restore()` puts the terminal
/// back on fd 2 and replays what was logged.
struct StderrLog {
    let path: String
    /// The terminal's stderr, duplicated before redirection.
    let terminalDescriptor: Int32

    static func redirect(to path: String) -> StderrLog? {
        let directory = (path as NSString).deletingLastPathComponent
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let log = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard log >= 0 else { return nil }
        let saved = dup(STDERR_FILENO)
        guard saved >= 0, dup2(log, STDERR_FILENO) >= 0 else {
            close(log)
            return nil
        }
        close(log)
        return StderrLog(path: path, terminalDescriptor: saved)
    }

    /// `$XDG_STATE_HOME`-free and predictable: next to the model cache.
    static func defaultPath(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let home = environment["HOME"] ?? NSHomeDirectory()
        return "\(home)/.cache/decodelab/tui-stderr.log"
    }

    func restore() {
        _ = dup2(terminalDescriptor, STDERR_FILENO)
        close(terminalDescriptor)
        if let logged = FileManager.default.contents(atPath: path), !logged.isEmpty {
            _ = DescriptorWrite.all(logged, to: STDERR_FILENO)
        }
    }
}
