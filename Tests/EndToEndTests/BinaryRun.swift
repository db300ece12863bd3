import Foundation
import TestSupport

/// The real `decodelab` binary run without a terminal from the repository root (or
/// `directory`), as a script would: stdin closed (or fed `stdin`), stdout and stderr captured.
struct BinaryRun {
    var status: Int32
    var stdoutData: Data
    var stderr: String

    var stdout: String { String(decoding: stdoutData, as: UTF8.self) }
    var object: [String: Any] { ((try? JSONSerialization.jsonObject(with: stdoutData)) as? [String: Any]) ?? [:] }
    var array: [[String: Any]] { ((try? JSONSerialization.jsonObject(with: stdoutData)) as? [[String: Any]]) ?? [] }

    /// `stdoutPath` and `stderrPath` send standard output or error to that existing file
    /// (`/dev/full`) instead of a pipe.
    init(_ arguments: [String], stdin: Data? = nil, stdoutPath: String? = nil, stderrPath: String? = nil,
         directory: URL = GoldenData.repositoryRoot) throws {
        try self.init(executable: PseudoTerminal.binary, arguments: arguments, stdin: stdin, stdoutPath: stdoutPath,
                      stderrPath: stderrPath, directory: directory)
    }

    /// The binary run by `/bin/sh` with `arguments` as shell words (`"$(printf '\\377')"`,
    /// `>&-`): for what Process cannot give it, such as arguments that are not UTF-8.
    init(shellWords arguments: String) throws {
        try self.init(executable: URL(fileURLWithPath: "/bin/sh"), arguments: ["-c", "exec \"$0\" \(arguments)", PseudoTerminal.binary.path],
                      stdin: nil, stdoutPath: nil, stderrPath: nil, directory: GoldenData.repositoryRoot)
    }

    private init(executable: URL, arguments: [String], stdin: Data?, stdoutPath: String?, stderrPath: String?, directory: URL) throws {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = stdoutPath.map { FileHandle(forWritingAtPath: $0) as Any } ?? out
        process.standardError = stderrPath.map { FileHandle(forWritingAtPath: $0) as Any } ?? err
        let input = Pipe()
        process.standardInput = stdin == nil ? FileHandle.nullDevice : input
        try process.run()
        if let stdin {
            // Small inputs only: the pipe holds them whole before the child reads.
            input.fileHandleForWriting.write(stdin)
            try input.fileHandleForWriting.close()
        }
        // Read both pipes before waiting: a full pipe would block the child forever.
        // A pipe the child does not hold would never reach its end.
        stdoutData = stdoutPath == nil ? out.fileHandleForReading.readDataToEndOfFile() : Data()
        stderr = stderrPath == nil ? String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self) : ""
        process.waitUntilExit()
        status = process.terminationStatus
    }
}
