import Engine
import Foundation

/// A file named on the command line or typed in the TUI, read with errors that say what is
/// wrong with it: missing, a directory, unreadable, or not UTF-8 (with the offset of the first
/// bad byte). Prompts, grammars, schemas and instances are all read through it, so every
/// command fails alike.
enum UserFile {
    /// Why the file cannot be read as text, worded to end a message.
    struct Unreadable: Error {
        var reason: String
    }

    /// The file as UTF-8 text; with `dropFinalNewline`, one final newline is dropped as
    /// llama.cpp does for prompt files: it ends the file rather than the text.
    static func text(_ path: String, dropFinalNewline: Bool = false) throws(Unreadable) -> String {
        var bytes = try bytes(path)
        if let invalid = InvalidUTF8.first(in: bytes) { throw Unreadable(reason: "it is not UTF-8 text (\(invalid))") }
        if dropFinalNewline, bytes.last == 0x0A { bytes.removeLast() }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// `text`, failing as the option `flag` that named the file.
    static func text(_ path: String, flag: String, dropFinalNewline: Bool = false) throws(CommandLineError) -> String {
        do {
            return try text(path, dropFinalNewline: dropFinalNewline)
        } catch {
            throw .unreadableFile(flag: flag, path: path, reason: error.reason)
        }
    }

    private static func bytes(_ path: String) throws(Unreadable) -> [UInt8] {
        do {
            // `-` is standard input, as for most tools that read files.
            return path == "-" ? try FileBytes.read(descriptor: STDIN_FILENO) : try FileBytes.read(path: path)
        } catch {
            throw unreadable(error)
        }
    }

    private static func unreadable(_ failure: FileBytes.Failure) -> Unreadable {
        switch failure.code {
        case ENOENT: Unreadable(reason: "there is no such file")
        case EISDIR: Unreadable(reason: "it is a directory")
        case EACCES: Unreadable(reason: "permission denied")
        default: Unreadable(reason: failure.systemReason.lowercased())
        }
    }
}
