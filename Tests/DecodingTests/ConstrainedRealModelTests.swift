import Foundation
import Testing
import TestSupport
import Decoding
import Grammar
import Inference

/// Every constrained strategy on the real model, rewriting a sentence as JSON under a sample
/// schema: the finished output is accepted by the schema's grammar and parses as JSON. At
/// temperature 0 masking and sample-then-check give the same text.
@Suite(.serialized) struct ConstrainedRealModelTests {
    static let strategies = ["constrained-mask", "constrained-check", "awrs", "smc", "asap"]

    static let cases: [(schema: String, prompt: String)] = [
        ("person", "Turn this sentence into a JSON object with the keys \"name\" and \"age\":\n\nMaria is 34 years old and lives in Lisbon.\n"),
        ("weather-call", "What is the weather in Lisbon for the next 3 days, in celsius? Reply with a JSON function call.\n"),
    ]

    static func load() throws -> (model: LlamaModel, tokenizer: Tokenizer) {
        let gguf = try GGUFFile(path: try GoldenData.defaultModelPath())
        let tokenizer = try Tokenizer(gguf: gguf)
        return (try LlamaModel(gguf: gguf, vocabulary: tokenizer, threads: 2, contextLength: 512), tokenizer)
    }

    static func schema(_ name: String) throws -> String {
        try String(contentsOf: GoldenData.repositoryRoot.appendingPathComponent("samples/schemas/\(name).json"), encoding: .utf8)
    }

    static func parameters(schema: String, temperature: Double) -> DecodingParameters {
        var parameters = DecodingParameters()
        parameters.constraint = ConstraintSpec(kind: .jsonSchema, source: schema, origin: "schema.json")
        parameters.sampler.temperature = temperature
        return parameters
    }

    @Test(arguments: strategies)
    func outputValidatesAgainstTheSchema(_ name: String) throws {
        let (model, tokenizer) = try Self.load()
        for example in Self.cases {
            let schema = try Self.schema(example.schema)
            let recognizer = Recognizer(try Grammar(jsonSchema: schema))
            var strategy = try StrategyCatalog.make(name, parameters: Self.parameters(schema: schema, temperature: 0.8))
            let run = try decode(&strategy, model: model, prompt: tokenizer.encode(example.prompt), maxNewTokens: 200, seed: 11)
            #expect(run.tokens.last.map(tokenizer.isEndOfGeneration) == true, "\(name) on \(example.schema) finished")
            let bytes = run.tokens.flatMap { tokenizer.bytes(of: $0) }
            let text = String(decoding: bytes, as: UTF8.self)
            #expect(recognizer.matches(bytes), "\(name) on \(example.schema): \(text)")
            #expect((try? JSONSerialization.jsonObject(with: Data(bytes))) is [String: Any], "\(name) on \(example.schema): \(text)")
        }
    }

    @Test func maskAndCheckGiveTheSameTextAtTemperatureZero() throws {
        let (model, tokenizer) = try Self.load()
        for example in Self.cases {
            let parameters = Self.parameters(schema: try Self.schema(example.schema), temperature: 0)
            let prompt = tokenizer.encode(example.prompt)
            var mask = try StrategyCatalog.make("constrained-mask", parameters: parameters)
            var check = try StrategyCatalog.make("constrained-check", parameters: parameters)
            let masked = try decode(&mask, model: model, prompt: prompt, maxNewTokens: 200)
            let checked = try decode(&check, model: model, prompt: prompt, maxNewTokens: 200)
            #expect(masked.tokens == checked.tokens)
            #expect(masked.tokens.last.map(tokenizer.isEndOfGeneration) == true)
        }
    }
}
