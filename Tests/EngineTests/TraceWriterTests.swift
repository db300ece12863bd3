import Foundation
import Testing
import Engine
import Inference

/// `--events PATH` opens the path as a shell's `>` does: it never replaces a symlink, a device
/// or a pipe with a plain file, and a path it cannot open is refused with the system's reason.
struct TraceWriterTests {
    static let header = TraceHeader(model: ModelIdentity(path: "toy", fileName: "toy", byteCount: 0, sha256: nil), activations: .f32,
                                    promptText: "", chat: false, configuration: samplingConfiguration())

    static func temporaryFolder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("trace-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }

    @Test func aSymlinkIsFollowedAndKept() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("target.jsonl"), link = folder.appendingPathComponent("link.jsonl")
        try Data("old\n".utf8).write(to: target)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let writer = try TraceWriter(path: link.path, header: Self.header)
        try writer.close()
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == target.path)
        let written = try String(contentsOf: target, encoding: .utf8)
        #expect(written.hasPrefix("{") && !written.contains("old"))
    }

    @Test func aDeviceIsWrittenToNotReplaced() throws {
        let writer = try TraceWriter(path: "/dev/null", header: Self.header)
        try writer.close()
        let attributes = try FileManager.default.attributesOfItem(atPath: "/dev/null")
        #expect(attributes[.type] as? FileAttributeType == .typeCharacterSpecial)
    }

    /// `generate` leaves its text out of standard output when the trace goes there too.
    @Test func knowsWhenItWritesToTheSameFileAsADescriptor() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("trace.jsonl").path
        let writer = try TraceWriter(path: path, header: Self.header)
        let same = open(path, O_RDONLY), other = open("/dev/null", O_RDONLY)
        defer { for descriptor in [same, other] { close(descriptor) } }
        #expect(writer.isSameFile(as: same) && !writer.isSameFile(as: other))
        try writer.close()
        #expect(!writer.isSameFile(as: same), "a closed trace shares no file")
    }

    @Test func anUnopenablePathSaysWhy() throws {
        let folder = try Self.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (path, reason) in [(folder.appendingPathComponent("missing/trace.jsonl").path, "No such file or directory"),
                               (folder.path, "Is a directory")] {
            #expect {
                _ = try TraceWriter(path: path, header: Self.header)
            } throws: { error in
                "\(error)" == "\(path): cannot create the file: \(reason)"
            }
        }
    }
}
