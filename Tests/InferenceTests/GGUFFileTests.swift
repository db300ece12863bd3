import Foundation
import Testing
@testable import Inference

@Suite struct GGUFFileTests {
    @Test func rejectsWrongMagic() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-magic-\(getpid()).gguf").path
        try Data("NOPE\u{3}\0\0\0".utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(throws: GGUFError(path: path, offset: 0, problem: "not a GGUF file (wrong magic)")) { try GGUFFile(path: path) }
    }
}
