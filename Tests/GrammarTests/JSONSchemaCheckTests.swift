import Testing
@testable import Grammar

/// Schemas the converter must refuse (or, lenient, warn about) instead of crashing, running out
/// of memory or silently accepting instances the schema forbids.
struct JSONSchemaCheckTests {
    func problem(_ schema: String) -> String? {
        do {
            _ = try Grammar(jsonSchema: schema)
            return nil
        } catch {
            return error.problem
        }
    }

    func recognizer(_ schema: String, lenient: Bool = false) throws -> Recognizer {
        Recognizer(try Grammar(jsonSchema: schema, options: JSONSchemaOptions(lenient: lenient)))
    }

    @Test(arguments: [
        ("minItems", "1e300", "above the limit"), ("maxItems", "-1e300", "must be a non-negative integer"),
        ("minLength", "1e19", "above the limit"), ("minProperties", "1e300", "above the limit"),
        ("maxLength", "9223372036854775807", "above the limit"), ("minItems", "9223372036854775807", "above the limit"),
        ("maxProperties", "2.5", "must be a non-negative integer"), ("minLength", "\"3\"", "must be a non-negative integer"),
        ("minItems", "1000000000000", "above the limit of 100000"), ("maxLength", "100001", "above the limit of 100000"),
    ])
    func countsMustBeSmallNonNegativeIntegers(_ keyword: String, _ value: String, _ complaint: String) throws {
        let found = try #require(problem(#"{"properties":{"a":{"\#(keyword)":\#(value)}}}"#))
        #expect(found.contains("\(keyword) at #/properties/a"), "\(found)")
        #expect(found.contains(complaint), "\(found)")
    }

    /// The offending value leads the message, so a line too narrow for all of it (the TUI's
    /// notice) still shows what was written.
    @Test func aValueOfTheWrongKindIsNamedFirst() throws {
        let found = try #require(problem(#"{"type":"objekt"}"#))
        #expect(found.hasPrefix(#"type at # is "objekt"; it must be a type name"#), "\(found)")
    }

    @Test func integralCountsWrittenWithFractionsAndTheLimitItselfAreAccepted() throws {
        let r = try recognizer(#"{"type":"array","minItems":2.0}"#)
        #expect(!r.matches(Array("[1]".utf8)))
        #expect(r.matches(Array("[1,2]".utf8)))
        _ = try Grammar(jsonSchema: #"{"type":"string","maxLength":100000}"#)
    }

    @Test(arguments: [
        ("minimum", "\"5\"", "a number"), ("required", "\"x\"", "an array of strings"), ("type", "\"int\"", "a type name"),
        ("pattern", "5", "a string"), ("properties", "[]", "an object"), ("additionalProperties", "1", "a schema"),
        ("anyOf", "{}", "an array"), ("exclusiveMaximum", "null", "a number"),
    ])
    func keywordValuesOfTheWrongKindAreRefused(_ keyword: String, _ value: String, _ expected: String) throws {
        let found = try #require(problem(#"{"properties":{"a":{"\#(keyword)":\#(value)}}}"#))
        #expect(found.contains("\(keyword) at #/properties/a is \(value); it must be \(expected)"), "\(found)")
    }

    @Test func patternPropertiesAreEnforcedOrRefused() throws {
        let open = try #require(problem(#"{"type":"object","patternProperties":{"^x":{"type":"string"}}}"#))
        #expect(open.contains("patternProperties at #"), "\(open)")
        let lenient = try JSONSchemaConversion(schema: #"{"type":"object","patternProperties":{"^x":{"type":"string"}}}"#, options: JSONSchemaOptions(lenient: true))
        #expect(lenient.ignored.contains { $0.hasPrefix("patternProperties at #") })

        let closed = try recognizer(#"{"type":"object","patternProperties":{"^x":{"type":"string"}},"additionalProperties":false}"#)
        #expect(closed.matches(Array(#"{"x1":"a"}"#.utf8)))
        #expect(!closed.matches(Array(#"{"x1":5}"#.utf8)))
        #expect(!closed.matches(Array(#"{"y":"a"}"#.utf8)))

        // ".*" matches every name: every member takes its schema, declared ones as well.
        let every = try recognizer(#"{"properties":{"a":{"maxLength":2}},"patternProperties":{".*":{"type":"string"}}}"#)
        #expect(every.matches(Array(#"{"a":"ab","b":"c"}"#.utf8)))
        #expect(!every.matches(Array(#"{"b":5}"#.utf8)))
        #expect(!every.matches(Array(#"{"a":5}"#.utf8)), "a must satisfy both its schema and the pattern's")
    }

    @Test func aRequiredNameThatIsForbiddenMakesTheObjectUnsatisfiable() throws {
        let schema = #"{"type":"object","required":["x"],"additionalProperties":false}"#
        let found = try #require(problem(schema))
        #expect(found.contains("the schema at # can never be satisfied: required property 'x' is forbidden by the schema false at #/additionalProperties"), "\(found)")
        let lenient = try recognizer(schema, lenient: true)
        #expect(!lenient.matches(Array(#"{"x":1}"#.utf8)))
        #expect(!lenient.matches(Array("{}".utf8)))
    }

    @Test(arguments: ["1e400", "-9223372036854775809", "9007199254740993", "1234567890123456.5"])
    func boundsTheGrammarCannotWriteExactlyAreReported(_ bound: String) throws {
        let schema = #"{"type":"integer","minimum":\#(bound)}"#
        let found = try #require(problem(schema))
        #expect(found.contains("unsupported") && found.contains("minimum"), "\(found)")
        #expect(try JSONSchemaConversion(schema: schema, options: JSONSchemaOptions(lenient: true)).ignored.count == 1)
    }

    @Test func integerBoundsUpTo2To53AreExact() throws {
        let r = try recognizer(#"{"type":"integer","minimum":-9007199254740991,"maximum":9007199254740991}"#)
        #expect(r.matches(Array("9007199254740991".utf8)))
        #expect(!r.matches(Array("9007199254740992".utf8)))
        #expect(r.matches(Array("-9007199254740991".utf8)))
        #expect(!r.matches(Array("-9007199254740992".utf8)))
    }

    @Test(arguments: [
        (#"{"type":"integer","minimum":5,"maximum":1}"#, "#/properties/a", "no integer lies within minimum 5, maximum 1"),
        (#"{"type":"integer","minimum":1.2,"maximum":1.8}"#, "#/properties/a", "no integer"),
        (#"{"type":"number","exclusiveMinimum":1,"maximum":1}"#, "#/properties/a", "no number"),
        (#"{"type":"string","minLength":5,"maxLength":2}"#, "#/properties/a", "minLength 5 is above maxLength 2"),
        (#"{"type":"array","minItems":3,"maxItems":1}"#, "#/properties/a", "minItems 3 is above maxItems 1"),
        (#"{"type":"object","minProperties":3,"maxProperties":1}"#, "#/properties/a", "minProperties 3 is above maxProperties 1"),
        (#"{"enum":[]}"#, "#/properties/a", "enum is empty"),
        (#"{"type":"string","enum":[1,2]}"#, "#/properties/a", "no enum or const value has an allowed type"),
        (#"{"allOf":[{"type":"string"},{"type":"integer"}]}"#, "#/properties/a (its allOf parts merged)", "no type is allowed"),
    ])
    func contradictionsAreReportedWithTheirLocation(_ inner: String, _ location: String, _ reason: String) throws {
        let message = "the schema at \(location) can never be satisfied: \(reason)"
        // Where the property is optional the schema still has instances: the part is a warning.
        let optional = #"{"type":"object","properties":{"a":\#(inner)}}"#
        #expect(problem(optional) == nil, "\(problem(optional) ?? "")")
        let parts = try JSONSchemaConversion(schema: optional).unsatisfiable
        #expect(parts.count == 1 && parts[0].hasPrefix(message), "\(parts)")
        // Where it is required nothing is left, and the part is the reason the schema is refused.
        let required = #"{"type":"object","properties":{"a":\#(inner)},"required":["a"]}"#
        let found = try #require(problem(required))
        #expect(found.contains(message), "\(found)")
        let lenient = try Grammar(jsonSchema: required, options: JSONSchemaOptions(lenient: true))
        #expect(lenient.nothingMatches != nil, "lenient mode compiles it to match nothing")
    }

    @Test(arguments: [
        #"{"minimum":5,"maximum":1}"#, // strings, objects... still satisfy it
        #"{"type":"integer","minimum":5,"anyOf":[{"maximum":3},{"maximum":10}]}"#, // one dead branch
        #"{"anyOf":[false,{"type":"null"}]}"#,
        #"{"$defs":{"never":{"allOf":[{"type":"number"},{"type":"string"}]}},"type":"integer"}"#, // an unused definition
    ])
    func satisfiableSchemasWithDeadPartsAreAccepted(_ schema: String) throws {
        #expect(problem(schema) == nil, "\(problem(schema) ?? "")")
    }

    /// `oneOf` is read as `anyOf`: said where its branches can overlap, silent for tagged unions.
    @Test(arguments: [
        (#"{"oneOf":[{"type":"integer"},{"type":"number","minimum":2}]}"#, "oneOf at # is read as anyOf: branches 0 and 1 both allow integers"),
        (#"{"oneOf":[{"const":"a"},{"enum":["a","b"]}]}"#, "oneOf at # is read as anyOf: branches 0 and 1 both allow strings"),
        (#"{"oneOf":[{"type":"string"},{"type":"integer"}]}"#, nil),
        (#"{"oneOf":[{"const":"a"},{"enum":["b","c"]},{"type":"null"}]}"#, nil),
        (#"{"anyOf":[{"type":"integer"},{"type":"number"}]}"#, nil),
    ])
    func overlappingOneOfBranchesAreAnApproximation(_ schema: String, _ note: String?) throws {
        let approximations = try JSONSchemaConversion(schema: schema).approximations
        #expect(approximations.first.map { $0.hasPrefix(note ?? "-") } ?? (note == nil), "\(approximations)")
    }
}
