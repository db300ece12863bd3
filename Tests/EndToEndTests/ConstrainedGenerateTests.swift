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

    /// At a low temperature every allowed token's probability can underflow to 0 in Double (the
    /// top token is forbidden and the allowed ones are far below it); the constrained
    /// distribution is still defined, and the strategies once stopped saying nothing was allowed.
    @Test(arguments: ["awrs", "asap", "smc", "constrained-mask"])
    func aLowTemperatureStillFindsTheAllowedTokens(_ strategy: String) throws {
        let run = try Self.decodelab(["generate", "-m", try GoldenData.defaultModelPath(), "--strategy", strategy, "--regex", "[a-z]+",
                                      "--temp", "0.001", "-p", "The capital of France is", "-n", "4", "-s", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = run.stdout.trimmingCharacters(in: .newlines)
        #expect(!text.isEmpty && text.allSatisfy { ("a"..."z").contains($0) }, "\(strategy) printed \(run.stdout)")
    }

    /// SMC emits its chosen particle in a step of its own after the passes that built it: the
    /// summary's rate must count those tokens (it once showed 0.0 tok/s).
    @Test func smcReportsItsDecodingRate() throws {
        let run = try Self.decodelab(["generate", "-m", try GoldenData.defaultModelPath(), "--strategy", "smc", "--regex", "[a-z ]+",
                                      "-p", "Hi", "-n", "6", "-s", "1"])
        #expect(run.status == 0, "\(run.stderr)")
        let rate = run.stderr.split(separator: "(").dropFirst().first?.split(separator: " ").first.flatMap { Double($0) }
        #expect((rate ?? 0) > 0, "\(run.stderr)")
    }

    @Test func aConstrainedStrategyWithoutConstraintSaysWhatToDo() throws {
        let run = try Self.decodelab(["generate", "-m", try GoldenData.defaultModelPath(), "--strategy", "smc", "-p", "Hi", "-n", "4"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("smc needs a constraint: pass --grammar-file, --json-schema or --regex"), "\(run.stderr)")
    }
}
