import Foundation
import Testing
import TestSupport
@testable import Grammar

/// The grammars and schemas shipped in samples/ compile, and each schema's instance file
/// (NAME.instance.json) is accepted as written.
struct SamplesTests {
    static let samples = GoldenData.repositoryRoot.appendingPathComponent("samples")

    @Test func grammarsCompile() throws {
        let folder = Self.samples.appendingPathComponent("grammars")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".gbnf") }
        #expect(!files.isEmpty)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(throws: Never.self, "\(file)") { try Grammar(gbnf: text, source: file) }
        }
    }

    @Test func schemasCompileAndAcceptTheirInstances() throws {
        let folder = Self.samples.appendingPathComponent("schemas")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".json") && !$0.hasSuffix(".instance.json") }
        #expect(!files.isEmpty)
        for file in files {
            let schema = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            let recognizer = Recognizer(try Grammar(jsonSchema: schema, source: file))
            let instanceURL = folder.appendingPathComponent(file.replacingOccurrences(of: ".json", with: ".instance.json"))
            let instance = try String(contentsOf: instanceURL, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(recognizer.matches(Array(instance.utf8)), "\(file) should accept its instance")
            #expect(!recognizer.matches(Array(instance.dropLast().utf8)), "\(file) should not accept a truncated instance")
        }
    }

    @Test func yesNoGrammarBehaves() throws {
        let text = try String(contentsOf: Self.samples.appendingPathComponent("grammars/yes-no.gbnf"), encoding: .utf8)
        let recognizer = Recognizer(try Grammar(gbnf: text, source: "yes-no.gbnf"))
        #expect(recognizer.matches(Array("Yes.".utf8)))
        #expect(recognizer.matches(Array("No, it rains.".utf8)))
        #expect(!recognizer.matches(Array("Maybe.".utf8)))
    }
}
