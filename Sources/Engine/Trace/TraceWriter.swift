import Foundation

/// Writes a trace as JSON Lines: the header, then one event per line, flushed as it goes so a
/// crash or Ctrl-C still leaves every event seen so far.
///
/// The path is opened like a shell's `>`: an existing file is truncated in place, a symlink is
/// followed and a device or pipe is written to (`--events /dev/stdout` streams the events).
/// Replacing the path with a new file instead would turn a symlink or a device node into a
/// plain file.
public final class TraceWriter {
    private let path: String
    private var descriptor: Int32
    private let encoder = TraceCoding.encoder()

    public init(path: String, header: TraceHeader) throws {
        self.path = path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw TraceError(path: path, line: nil, message: "cannot create the file: \(Self.systemError())")
        }
        do {
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
