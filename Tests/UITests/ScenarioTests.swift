import Decoding
import Foundation
import TestSupport
import Testing
import UI

@Suite struct ScenarioTests {
    static let folder = GoldenData.repositoryRoot.appendingPathComponent("samples/scenarios")
    static let files = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.hasSuffix(".json") }.sorted()

    @Test func samplesShipScenarios() {
        #expect(ScenarioTests.files.count >= 5)
    }

    @Test(arguments: files)
    func everySampleScenarioLoads(_ file: String) throws {
        let scenario = try Scenario.load(path: ScenarioTests.folder.appendingPathComponent(file).path)
        #expect(!(scenario.prompt ?? "").isEmpty)
        #expect(scenario.prompt?.hasSuffix("\n") == false)
        #expect(StrategyCatalog.descriptor(named: scenario.strategy ?? "") != nil)
        #expect(scenario.seed != nil)
    }

    @Test func errorsNameTheFile() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("decodelab-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases = [
            ("strategy", #"{ name: "x", prompt: "hi", strategy: "telepathy" }"#, "unknown strategy 'telepathy'"),
            ("parameter", #"{ name: "x", prompt: "hi", parameters: { "temprature": 0.5 } }"#, "unknown parameter 'temprature'"),
            ("prompt", #"{ name: "x", promptFile: "missing.txt" }"#, "missing.txt"),
        ]
        for (name, text, message) in cases {
            let path = directory.appendingPathComponent(name + ".json").path
            try text.write(toFile: path, atomically: true, encoding: .utf8)
            #expect {
                try Scenario.load(path: path)
            } throws: { error in
                "\(error)".contains(message) && ("\(error)".contains(path) || name == "prompt")
            }
        }
    }

    @Test func constraintFilesResolveBesideTheScenario() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("decodelab-scenario-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try #"root ::= "yes" | "no""#.write(toFile: directory.appendingPathComponent("answer.gbnf").path, atomically: true, encoding: .utf8)
        let path = directory.appendingPathComponent("s.json").path
        try #"{ name: "x", prompt: "Yes or no?", constraint: { kind: "gbnf", file: "answer.gbnf" } }"#.write(toFile: path, atomically: true, encoding: .utf8)
        let scenario = try Scenario.load(path: path)
        #expect(scenario.constraint?.kind == .gbnf)
        #expect(scenario.constraint?.source == #"root ::= "yes" | "no""#)
        #expect(scenario.constraint?.origin?.hasSuffix("answer.gbnf") == true)
    }
}
