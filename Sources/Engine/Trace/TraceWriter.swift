import Foundation

/// Writes a trace as JSON Lines: the header, then one event per line, flushed as it goes so a
/// crash or Ctrl-C still leaves every event seen so far.
///
/// The path is opened like a shell's `>`: an existing file is truncated in place, a symlink is
/// followed and a device or pipe is written to (`--events /dev/stdout` streams the events).
/// Replacing the path with a new file instead would turn a symlink or a device node into a
/// plain file. The file where standard output or error already goes is not truncated and is
/// appended to: its other writer's bytes are kept, and the trace is not written over them.
public final class TraceWriter {
    private let path: String
    private var descriptor: Int32
    private let encoder = TraceCoding.encoder()

    public init(path: String, header: TraceHeader) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw TraceError(path: path, line: nil, message: "cannot create the file: \(Self.systemError())")
        }
        do {
            try truncateUnlessStandardStream()
            try writeLine(header)
        } catch {
            try? close()
            throw error
        }
    }

    /// Creates `STEM.jsonl`, or `STEM-2.jsonl`, `STEM-3.jsonl`, ... when the name is taken, and
    /// returns its path. Exclusive creation claims the name, so a trace saved earlier (by this
    /// process or another) is never overwritten, however close together the saves come.
    public static func createNewFile(stem: String) throws -> String {
        for attempt in 1...1000 {
            let path = attempt == 1 ? stem + ".jsonl" : stem + "-\(attempt).jsonl"
            let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
            if descriptor >= 0 {
                Foundation.close(descriptor)
                return path
            }
            guard errno == EEXIST else {
                throw TraceError(path: path, line: nil, message: "cannot create the file: \(systemError())")
            }
        }
        throw TraceError(path: stem + ".jsonl", line: nil, message: "cannot create the file: it and 999 numbered variants exist")
    }

    /// True when the trace goes to the same file as the open `other` descriptor (`--events
    /// /dev/stdout`, or the file standard error is redirected to): bytes written to both mix.
    public func isSameFile(as other: Int32) -> Bool {
        var mine = stat(), theirs = stat()
        guard fstat(descriptor, &mine) == 0, fstat(other, &theirs) == 0 else { return false }
        return mine.st_dev == theirs.st_dev && mine.st_ino == theirs.st_ino
    }

    deinit {
        if descriptor >= 0 { Foundation.close(descriptor) }
    }

    public func write(_ event: EngineEvent) throws {
        try writeLine(event)
    }

    public func close() throws {
        guard descriptor >= 0 else { return }
        let status = Foundation.close(descriptor)
        descriptor = -1
        guard status == 0 else {
            throw TraceError(path: path, line: nil, message: "cannot finish the trace: \(Self.systemError())")
        }
    }

    /// Empties a regular file as `O_TRUNC` would, unless standard output or error writes to it:
    /// the shell made that file for the stream, and its content belongs to the stream.
    private func truncateUnlessStandardStream() throws {
        var status = stat()
        guard fstat(descriptor, &status) == 0, status.st_mode & S_IFMT == S_IFREG,
              !isSameFile(as: STDOUT_FILENO), !isSameFile(as: STDERR_FILENO) else { return }
        guard ftruncate(descriptor, 0) == 0 else {
            throw TraceError(path: path, line: nil, message: "cannot empty the file: \(Self.systemError())")
        }
    }

    private func writeLine(_ value: some Encodable) throws {
        var data = try encoder.encode(value)
        data.append(0x0A)
        if let reason = DescriptorWrite.all(data, to: descriptor) {
            throw TraceError(path: path, line: nil, message: "cannot write the trace: \(reason)")
        }
    }

    private static func systemError() -> String {
        String(cString: strerror(errno))
    }
}
