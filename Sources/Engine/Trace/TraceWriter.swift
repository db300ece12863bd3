import Foundation

/// Writes a trace as JSON Lines: the header, then one event per line, flushed as it goes so a
/// crash or Ctrl-C still leaves every event seen so far.
public final class TraceWriter {
    private let handle: FileHandle
    private let encoder = TraceCoding.encoder()

    public init(path: String, header: TraceHeader) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw TraceError(path: path, line: nil, message: "cannot create the file")
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try writeLine(header)
    }

    public func write(_ event: EngineEvent) throws {
        try writeLine(event)
    }

    public func close() throws {
        try handle.close()
    }

    private func writeLine(_ value: some Encodable) throws {
        var data = try encoder.encode(value)
        data.append(0x0A)
        try handle.write(contentsOf: data)
    }
}
