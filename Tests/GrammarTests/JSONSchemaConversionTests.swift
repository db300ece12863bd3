import Testing
@testable import Grammar

/// Targeted checks of the JSON Schema converter, several against exhaustive enumeration.
struct JSONSchemaConversionTests {
    func recognizer(_ schema: String, _ options: JSONSchemaOptions = JSONSchemaOptions()) throws -> Recognizer {
        Recognizer(try Grammar(jsonSchema: schema, options: options))
    }

    @Test(arguments: [
        (Optional(-17), Optional(42)), (0, 9), (10, 10), (-5, -1), (7, nil), (nil, -3), (99, 1001), (-250, 250),
    ] as [(Int?, Int?)])
    func integerBoundsMatchEnumeration(_ low: Int?, _ high: Int?) throws {
        var members: [String] = ["\"type\":\"integer\""]
        if let low { members.append("\"minimum\":\(low)") }
        if let high { members.append("\"maximum\":\(high)") }
        let r = try recognizer("{" + members.joined(separator: ",") + "}")
        for value in -1200...1200 {
            let inside = (low.map { value >= $0 } ?? true) && (high.map { value <= $0 } ?? true)
            #expect(r.matches(Array(String(value).utf8)) == inside, "\(value) in [\(String(describing: low)), \(String(describing: high))]")
        }
        #expect(!r.matches(Array("007".utf8)))
        #expect(!r.matches(Array("1.5".utf8)))
    }

    @Test func numberBoundsIncludingExclusiveAndFractions() throws {
        let r = try recognizer(#"{"type":"number","exclusiveMinimum":-2,"maximum":3}"#)
        let cases: [(String, Bool)] = [
            ("-2", false), ("-1.999", true), ("-2.0", false), ("-2.5", false), ("0", true), ("-0.5", true), ("2.99", true),
            ("3", true), ("3.0", true), ("3.001", false), ("4", false), ("1.25", true), ("-1", true),
        ]
        for (text, valid) in cases { #expect(r.matches(Array(text.utf8)) == valid, "\(text)") }
        let draft4 = try recognizer(#"{"type":"integer","minimum":5,"exclusiveMinimum":true}"#)
        #expect(!draft4.matches(Array("5".utf8)))
        #expect(draft4.matches(Array("6".utf8)))
    }

    @Test(arguments: [
        ("minimum", 1.1, nil, nil), ("exclusiveMinimum", -2.05, "maximum", 3.3), ("minimum", -1.5, "exclusiveMaximum", 0.25),
        ("exclusiveMinimum", 0.0, "exclusiveMaximum", 1.0), ("minimum", 2.0, "maximum", 2.75), (nil, nil, "maximum", -0.5),
    ] as [(String?, Double?, String?, Double?)])
    func fractionalNumberBoundsMatchEnumeration(_ lowKey: String?, _ low: Double?, _ highKey: String?, _ high: Double?) throws {
        var members = ["\"type\":\"number\""]
        if let lowKey, let low { members.append("\"\(lowKey)\":\(low)") }
        if let highKey, let high { members.append("\"\(highKey)\":\(high)") }
        let r = try recognizer("{" + members.joined(separator: ",") + "}")
        let fractions = ["", ".0", ".00", ".001", ".05", ".049", ".051", ".1", ".10", ".11", ".2", ".25", ".249", ".251", ".3", ".31", ".5", ".75", ".9", ".99"]
        for integer in -4...4 {
            for fraction in fractions {
                let text = (integer == 0 ? ["0", "-0"] : [String(integer)]).map { $0 + fraction }
                for text in text {
                    guard let value = Double(text) else { continue }
                    let aboveLow = low.map { lowKey == "exclusiveMinimum" ? value > $0 : value >= $0 } ?? true
                    let belowHigh = high.map { highKey == "exclusiveMaximum" ? value < $0 : value <= $0 } ?? true
                    #expect(r.matches(Array(text.utf8)) == (aboveLow && belowHigh), "\(text) with \(members)")
                }
            }
        }
    }

    @Test func stringsLengthsPatternsAndFormats() throws {
        let lengths = try recognizer(#"{"type":"string","minLength":2,"maxLength":3}"#)
        #expect(!lengths.matches(Array(#""a""#.utf8)))
        #expect(lengths.matches(Array(#""ab""#.utf8)))
        #expect(lengths.matches(Array(#""a\"é""#.utf8)), "an escape and a multi-byte character count as one each")
        #expect(!lengths.matches(Array(#""abcd""#.utf8)))
        let pattern = try recognizer(#"{"type":"string","pattern":"^[a-z]+-\\d{2}$"}"#)
        #expect(pattern.matches(Array(#""ab-12""#.utf8)))
        #expect(!pattern.matches(Array(#""ab-1""#.utf8)))
        let search = try recognizer(#"{"type":"string","pattern":"x\"y"}"#)
        #expect(search.matches(Array(#""..x\"y..""#.utf8)), "unanchored patterns match anywhere; quotes come escaped")
        let date = try recognizer(#"{"type":"string","format":"date"}"#)
        #expect(date.matches(Array(#""2026-11-26""#.utf8)))
        #expect(!date.matches(Array(#""2026-13-01""#.utf8)))
        // The calendar's days: 30-day months, February, and leap years (centuries by 400).
        for valid in ["1990-01-31", "1990-04-30", "1990-02-28", "2024-02-29", "2000-02-29", "1996-02-29"] {
            #expect(date.matches(Array("\"\(valid)\"".utf8)), "\(valid)")
        }
        for invalid in ["1990-02-30", "1990-04-31", "1990-11-31", "2023-02-29", "1900-02-29", "2100-02-29", "1990-01-32"] {
            #expect(!date.matches(Array("\"\(invalid)\"".utf8)), "\(invalid)")
        }
        let dateTime = try recognizer(#"{"type":"string","format":"date-time"}"#)
        #expect(dateTime.matches(Array(#""2024-02-29T12:00:00Z""#.utf8)))
        #expect(!dateTime.matches(Array(#""2023-02-29T12:00:00Z""#.utf8)))
        let uuid = try recognizer(#"{"format":"uuid"}"#)
        #expect(uuid.matches(Array(#""123e4567-e89b-12d3-a456-426614174000""#.utf8)))
        #expect(uuid.matches(Array("42".utf8)), "format only constrains strings")
    }

    @Test func objectsRequiredOptionalAndAdditional() throws {
        let r = try recognizer(#"{"type":"object","properties":{"a":{"type":"integer"},"b":{"type":"boolean"}},"required":["b"]}"#)
        #expect(r.matches(Array(#"{"a":1,"b":true}"#.utf8)))
        #expect(r.matches(Array(#"{"b":false}"#.utf8)))
        #expect(!r.matches(Array(#"{"a":1}"#.utf8)), "b is required")
        #expect(r.matches(Array(#"{"b":true,"extra":[1,{"x":null}]}"#.utf8)), "additional properties default to any value")
        #expect(!r.matches(Array(#"{"b":true,"a":"no"}"#.utf8)), "a declared name cannot come back as an additional one")
        let closed = try recognizer(#"{"properties":{"a":{}},"additionalProperties":false,"minProperties":0}"#.replacingOccurrences(of: ",\"minProperties\":0", with: ""))
        #expect(closed.matches(Array("{}".utf8)))
        #expect(!closed.matches(Array(#"{"z":1}"#.utf8)))
        let counted = try recognizer(#"{"type":"object","minProperties":1,"maxProperties":2}"#)
        #expect(!counted.matches(Array("{}".utf8)))
        #expect(counted.matches(Array(#"{"x":1,"y":2}"#.utf8)))
        #expect(!counted.matches(Array(#"{"x":1,"y":2,"z":3}"#.utf8)))
    }

    @Test func arraysTuplesAndCounts() throws {
        let tuple = try recognizer(#"{"prefixItems":[{"type":"integer"},{"type":"string"}],"items":false,"minItems":1}"#)
        #expect(tuple.matches(Array("[1]".utf8)))
        #expect(tuple.matches(Array(#"[1,"a"]"#.utf8)))
        #expect(!tuple.matches(Array(#"[1,"a",2]"#.utf8)))
        #expect(!tuple.matches(Array("[]".utf8)))
        let draft7 = try recognizer(#"{"$schema":"http://json-schema.org/draft-07/schema#","items":[{"const":0}],"additionalItems":{"type":"null"},"maxItems":3}"#)
        #expect(draft7.matches(Array("[0,null,null]".utf8)))
        #expect(!draft7.matches(Array("[0,null,null,null]".utf8)))
        #expect(!draft7.matches(Array("[1]".utf8)))
    }

    @Test func combinatorsEnumsAndRecursiveReferences() throws {
        let tree = try recognizer(##"{"$defs":{"node":{"type":"object","properties":{"v":{"enum":[1,"two",null]},"kids":{"type":"array","items":{"$ref":"#/$defs/node"}}},"required":["v"],"additionalProperties":false}},"$ref":"#/$defs/node"}"##)
        #expect(tree.matches(Array(#"{"v":1,"kids":[{"v":"two"},{"v":null,"kids":[]}]}"#.utf8)))
        #expect(!tree.matches(Array(#"{"v":3}"#.utf8)))
        let anyOf = try recognizer(#"{"anyOf":[{"type":"string","maxLength":1},{"type":"integer","minimum":10}]}"#)
        #expect(anyOf.matches(Array(#""a""#.utf8)))
        #expect(anyOf.matches(Array("12".utf8)))
        #expect(!anyOf.matches(Array("9".utf8)))
        let allOf = try recognizer(#"{"allOf":[{"type":"integer","minimum":2},{"maximum":4}]}"#)
        #expect(allOf.matches(Array("3".utf8)))
        #expect(!allOf.matches(Array("5".utf8)))
        #expect(!allOf.matches(Array("1".utf8)))
    }

    /// Keywords beside `enum`/`const` narrow the listed values, as a validator reads them.
    @Test(arguments: [
        (#"{"enum":[1,2,3],"minimum":2}"#, ["2", "3"], ["1"]),
        (#"{"allOf":[{"enum":[1,2,3]},{"minimum":2}]}"#, ["2", "3"], ["1"]),
        (#"{"enum":["a","bbbb"],"maxLength":2}"#, [#""a""#], [#""bbbb""#]),
        (#"{"enum":["a","bbbb"],"pattern":"^a$"}"#, [#""a""#], [#""bbbb""#]),
        (#"{"enum":[[1,2],[1]],"maxItems":1}"#, ["[1]"], ["[1,2]"]),
        (#"{"enum":[{"a":1},{"b":1}],"required":["a"]}"#, [#"{"a":1}"#], [#"{"b":1}"#]),
        (#"{"enum":[1.5,2,"x"],"type":"number","exclusiveMaximum":2}"#, ["1.5"], ["2", #""x""#]),
    ])
    func enumValuesMeetTheOtherKeywords(_ schema: String, _ accepted: [String], _ rejected: [String]) throws {
        let r = try recognizer(schema)
        for text in accepted { #expect(r.matches(Array(text.utf8)), "\(text)") }
        for text in rejected { #expect(!r.matches(Array(text.utf8)), "\(text)") }
    }

    @Test func aConstNoOtherKeywordAllowsIsRefused() throws {
        #expect(throws: GrammarError.self) { try Grammar(jsonSchema: #"{"const":5,"exclusiveMaximum":5}"#) }
    }

    /// A `$ref` to `false` inside a combinator is a branch nothing satisfies, not any value.
    @Test(arguments: [
        (##"{"anyOf":[{"$ref":"#/$defs/s"},{"type":"string"}],"$defs":{"s":false}}"##, [#""a""#], ["1"]),
        (##"{"anyOf":[{"$ref":"#/$defs/s"},{"type":"integer"}],"$defs":{"s":true}}"##, ["1", #""a""#], []),
    ])
    func aReferenceToABooleanSchemaKeepsItsMeaning(_ schema: String, _ accepted: [String], _ rejected: [String]) throws {
        let r = try recognizer(schema)
        for text in accepted { #expect(r.matches(Array(text.utf8)), "\(text)") }
        for text in rejected { #expect(!r.matches(Array(text.utf8)), "\(text)") }
    }

    @Test func combinatorsWhoseEveryBranchIsFalseMatchNothing() throws {
        let grammar = try Grammar(jsonSchema: ##"{"allOf":[{"$ref":"#/$defs/s"}],"$defs":{"s":false}}"##)
        #expect(grammar.nothingMatches != nil)
        #expect(!Recognizer(grammar).matches(Array("1".utf8)))
    }

    /// A schema that reaches itself before matching anything cannot be matched; the error
    /// names the schema location, not only an internal rule number.
    @Test func aSelfReferenceThatConsumesNothingNamesItsLocation() {
        do {
            _ = try Grammar(jsonSchema: ##"{"$defs":{"loop":{"$ref":"#/$defs/loop"}},"$ref":"#/$defs/loop"}"##)
            Issue.record("a schema that is its own reference should be rejected")
        } catch {
            #expect(error.problem.contains("left recursion") && error.problem.contains("defs-loop"), "\(error)")
        }
        do {
            _ = try Grammar(jsonSchema: ##"{"$defs":{"a":{"oneOf":[{"$ref":"#/$defs/b"},{"type":"null"}]},"b":{"allOf":[{"$ref":"#/$defs/a"}]}},"$ref":"#/$defs/a"}"##)
            Issue.record("a reference loop through oneOf and allOf should be rejected")
        } catch {
            #expect(error.problem.contains("leads back to itself") && error.problem.count < 200, "\(error)")
        }
    }

    @Test func unsupportedKeywordsAreListedUnlessLenient() throws {
        let schema = #"{"type":"array","uniqueItems":true,"items":{"not":{"type":"null"},"multipleOf":2}}"#
        do {
            _ = try Grammar(jsonSchema: schema)
            Issue.record("unsupported keywords must be refused")
        } catch {
            #expect(error.problem.contains("uniqueItems at #"), "\(error)")
            #expect(error.problem.contains("not at #/items"), "\(error)")
            #expect(error.problem.contains("multipleOf at #/items"), "\(error)")
        }
        let lenient = try JSONSchemaConversion(schema: schema, options: JSONSchemaOptions(lenient: true))
        #expect(lenient.ignored.count == 3)
        #expect(throws: GrammarError.self) { try Grammar(jsonSchema: #"{"$ref":"https://example.com/s.json"}"#) }
        do {
            _ = try Grammar(jsonSchema: "{\n  \"type\": \"object\",\n  \"properties\": {,}\n}", source: "bad.json")
            Issue.record("broken JSON must be refused")
        } catch {
            #expect(error.line == 3 && error.column == 18, "\(error)")
        }
    }

    @Test func whitespacePolicy() throws {
        let schema = #"{"type":"object","properties":{"a":{"type":"array","items":{"type":"integer"}}}}"#
        let spaced = "{ \"a\" : [ 1, 2 ]\n}"
        #expect(!(try recognizer(schema).matches(Array(spaced.utf8))))
        let flexible = try recognizer(schema, JSONSchemaOptions(whitespace: .flexible))
        #expect(flexible.matches(Array(spaced.utf8)))
        let pretty = "{\n  \"a\": [\n\n\t\t1,\n    2\n  ]\n}"
        #expect(flexible.matches(Array(pretty.utf8)))
        // Bounded, so a model cannot loop on blank lines or indentation, and the instance
        // neither starts nor ends with whitespace.
        for unbounded in ["{\n\n\n\"a\":[]}", "{\"a\":" + String(repeating: " ", count: 2) + "[]}",
                          "{\n" + String(repeating: " ", count: 21) + "\"a\":[]}", " {}", "{}\n"] {
            #expect(!flexible.matches(Array(unbounded.utf8)), "\(unbounded.debugDescription)")
        }
    }

    @Test func canonicalCompactText() throws {
        let value = try JSONValue(parsing: "{ \"b\": 1.0, \"a\": [true, null, -0.5, 1e3], \"s\": \"q\\\"\\u0001\\u00e9\\ud83d\\ude00\" }")
        #expect(value.compactText == "{\"b\":1,\"a\":[true,null,-0.5,1000],\"s\":\"q\\\"\\u0001é😀\"}")
    }
}
