import Foundation
import Grammar
import Testing
@testable import Decoding

struct ConstraintSpecTests {
    static let schema = #"{"type":"object","properties":{"a":{"type":"integer"}},"required":["a"],"uniqueItems":true}"#

    @Test func tracesWithoutJSONSchemaOptionsDecodeWithTheDefaults() throws {
        let old = Data(#"{"kind":"json-schema","source":"{}","origin":"s.json"}"#.utf8)
        let spec = try JSONDecoder().decode(ConstraintSpec.self, from: old)
        #expect(spec == ConstraintSpec(kind: .jsonSchema, source: "{}", origin: "s.json"))
        #expect(spec.whitespace == .compact && !spec.lenient)
    }

    @Test func optionsRoundTrip() throws {
        let spec = ConstraintSpec(kind: .jsonSchema, source: Self.schema, origin: "s.json", whitespace: .flexible, lenient: true)
        #expect(try JSONDecoder().decode(ConstraintSpec.self, from: JSONEncoder().encode(spec)) == spec)
    }

    @Test func optionsReachTheGrammar() throws {
        // uniqueItems is unsupported: refused unless lenient.
        #expect(throws: GrammarError.self) { try ConstraintSpec(kind: .jsonSchema, source: Self.schema).compile() }
        let compact = try ConstraintSpec(kind: .jsonSchema, source: Self.schema, lenient: true).compile()
        let flexible = try ConstraintSpec(kind: .jsonSchema, source: Self.schema, whitespace: .flexible, lenient: true).compile()
        let spaced = Array("{ \"a\": 1 }".utf8)
        #expect(!Recognizer(compact).matches(spaced))
        #expect(Recognizer(flexible).matches(spaced))
    }
}
