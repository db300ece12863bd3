/// `-p TEXT` and `-f FILE` (`-` reads standard input), for every command that takes a text:
/// one of them at most, so a forgotten flag is never silently ignored.
enum PromptFlags {
    static let valued: [[String]] = [["-p", "--prompt"], ["-f", "--file"]]

    /// The text given, nil when neither flag is; with `dropFinalNewline` a file's final newline
    /// is dropped as llama.cpp does for prompt files: it ends the file rather than the text.
    static func text(_ parsed: Arguments, dropFinalNewline: Bool) throws(CommandLineError) -> String? {
        switch (parsed.string("--prompt"), parsed.string("--file")) {
        case (let text?, nil):
            text
        case (nil, let path?):
            try UserFile.text(path, flag: "--file", dropFinalNewline: dropFinalNewline)
        case (.some, .some):
            throw .unsupported("-p and -f: give only one")
        case (nil, nil):
            nil
        }
    }
}
