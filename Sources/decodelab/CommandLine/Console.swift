import Engine
import Foundation

/// The commands' standard output and error. Output that cannot be written (a full disk, a
/// closed descriptor) ends the command with a one-line reason and status 1; a broken pipe
/// still ends it by SIGPIPE, as for any Unix tool.
enum Console {
    static func out(_ text: String) {
        out(text.utf8)
    }

    static func out(_ bytes: some Collection<UInt8>) {
        guard let reason = DescriptorWrite.all(bytes, to: STDOUT_FILENO) else { return }
        err("decodelab: cannot write to standard output: \(reason)\n")
        exit(1)
    }

    /// Makes every later write to standard error land at the end of its file, for when another
    /// descriptor (a trace) appends to the same file: writes at the stream's own offset would
    /// overwrite what that one wrote.
    static func appendErrorsAtEnd() {
        let flags = fcntl(STDERR_FILENO, F_GETFL)
        if flags >= 0 { _ = fcntl(STDERR_FILENO, F_SETFL, flags | O_APPEND) }
    }

    /// Best effort: there is nowhere left to report a failure.
    static func err(_ text: String) {
        _ = DescriptorWrite.all(text.utf8, to: STDERR_FILENO)
    }
}
