import Foundation
import Testing
import TestSupport

/// `decodelab generate` with a JSON Schema, as a user runs it on the real model: every
/// constrained strategy prints JSON that the schema's own checker (`decodelab grammar check`)
/// accepts and that parses.
@Suite(.serialized) struct ConstrainedGenerateTests {
    static func decodelab(_ arguments: [String]) throws -> BinaryRun { try BinaryRun(arguments) }

    @Test(arguments: ["constrained-mask", "constrained-check", "awrs", "smc", "asap"])
    func printsJSONTheSchemaAccepts(_ strategy: String) throws {
        let model = try GoldenData.defaultModelPath()
        let schema = "samples/schemas/person.json"
        let run = try Self.decodelab(["generate", "-m", model, "--strategy", strategy, "--json-schema", schema,
                                      "-f", "samples/prompts/json-rewrite.txt", "--chat", "-n", "120", "-s", "5"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("finished: end of generation"), "\(run.stderr)")
        let json = run.stdout.hasSuffix("\n") ? String(run.stdout.dropLast()) : run.stdout
        #expect((try? JSONSerialization.jsonObject(with: Data(json.utf8))) is [String: Any], "\(strategy) printed \(json)")
        let check = try Self.decodelab(["grammar", "check", "--json-schema", schema, "--input", json])
        #expect(check.status == 0 && check.stdout.contains("accepted, complete"), "\(strategy) printed \(json): \(check.stdout)")
    }

    @Test func aConstrainedStrategyWithoutConstraintSaysWhatToDo() throws {
        let run = try Self.decodelab(["generate", "-m", try GoldenData.defaultModelPath(), "--strategy", "smc", "-p", "Hi", "-n", "4"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("smc needs a constraint: press c or pass --grammar-file/--json-schema/--regex"), "\(run.stderr)")
    }
}
