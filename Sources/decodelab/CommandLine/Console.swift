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

    /// Best effort: there is nowhere left to report a failure.
    static func err(_ text: String) {
        _ = DescriptorWrite.all(text.utf8, to: STDERR_FILENO)
    }
}
