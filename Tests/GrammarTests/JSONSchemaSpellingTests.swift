import Testing
@testable import Grammar

/// A JSON text may write the same value several ways (`"\u00e9"` is `"é"`, `1.0` is the integer
/// 1): the grammar must read each spelling as the value it stands for.
struct JSONSchemaSpellingTests {
    func matches(_ schema: String, _ text: String) throws -> Bool {
        Recognizer(try Grammar(jsonSchema: schema)).matches(Array(text.utf8))
    }

    /// A declared member is written in its canonical spelling (a model offered `\u0061` for `a`
    /// takes it, and drifts); the other spellings must not slip in as additional members.
    @Test(arguments: [
        (#"{"properties":{"a\"b":{"type":"number"}}}"#, [#"{"a\"b":1}"#, #"{"ab":"x"}"#], [#"{"a\"b":"1"}"#, #"{"a\u0022b":"1"}"#]),
        (#"{"properties":{"a\\b":{"type":"number"}}}"#, [#"{"a\\b":1}"#, #"{"a\\c":"1"}"#], [#"{"a\\b":"1"}"#, #"{"a\u005cb":"1"}"#]),
        (#"{"properties":{"a\nb":{"type":"number"}}}"#, [#"{"a\nb":1}"#, #"{"a\n":"1"}"#], [#"{"a\nb":"1"}"#, #"{"a\u000Ab":"1"}"#]),
        (#"{"properties":{"a\tb":{"type":"number"}}}"#, [#"{"a\tb":1}"#, #"{"a\u0009bc":"1"}"#], [#"{"a\tb":"1"}"#, #"{"a\u0009b":"1"}"#]),
        (#"{"properties":{"aé":{"type":"number"}}}"#, [#"{"aé":1}"#, #"{"aé2":"1"}"#, #"{"a\u00e8":"1"}"#],
         [#"{"aé":"1"}"#, #"{"a\u00e9":"1"}"#, #"{"\u0061\u00E9":"1"}"#, #"{"\u0061é":"1"}"#]),
        (#"{"properties":{"x😀":{"type":"number"}}}"#, [#"{"x😀":1}"#, #"{"x😁":"1"}"#, #"{"x\uD83D":"1"}"#, #"{"x\ud83d\ude01":"1"}"#],
         [#"{"x😀":"1"}"#, #"{"x\uD83D\uDE00":"1"}"#]),
    ] as [(String, [String], [String])])
    func otherSpellingsOfADeclaredNameAreNotAdditionalMembers(_ schema: String, _ accepted: [String], _ rejected: [String]) throws {
        for text in accepted { #expect(try matches(schema, text), "\(schema) should accept \(text)") }
        for text in rejected { #expect(try !matches(schema, text), "\(schema) should reject \(text)") }
    }

    @Test func aSurrogatePairEscapeIsOneCharacter() throws {
        let schema = #"{"type":"string","minLength":2,"maxLength":2}"#
        #expect(try matches(schema, #""a\ud83d\ude00""#))
        #expect(try matches(schema, #""a😀""#))
        #expect(try !matches(schema, #""\ud83d\ude00""#))
        #expect(try !matches(schema, #""ab\ud83d\ude00""#))
        // A lone surrogate is no character: not counted as one either.
        #expect(try !matches(schema, #""a\ud83d""#))
        #expect(try matches(#"{"type":"string","maxLength":1}"#, #""\uD83D\uDE00""#))
    }

    @Test(arguments: [
        (#"{"type":"integer"}"#, ["1", "1.0", "1.00", "-0", "-3.0"], ["1.5", "1.", "1e0"]),
        (#"{"type":"integer","minimum":0,"maximum":5}"#, ["0", "-0", "5.0", "-0.0"], ["-1", "6.0", "5.5"]),
        (#"{"type":"integer","minimum":-5,"maximum":5}"#, ["-0", "-5"], ["-6"]),
        (#"{"const":1}"#, ["1", "1.0", "1.000"], ["1.5", "10", "-1"]),
        (#"{"enum":[0,2.5]}"#, ["0", "-0", "0.0", "2.5", "2.50"], ["2", "2.55", "25"]),
    ] as [(String, [String], [String])])
    func integersMayBeWrittenWithAZeroFraction(_ schema: String, _ accepted: [String], _ rejected: [String]) throws {
        for text in accepted { #expect(try matches(schema, text), "\(schema) should accept \(text)") }
        for text in rejected { #expect(try !matches(schema, text), "\(schema) should reject \(text)") }
    }

    @Test func anAnyOfBranchReferringBackToItsOwnSchemaAddsNothing() throws {
        let schema = ##"{"$defs":{"a":{"anyOf":[{"$ref":"#/$defs/a"},{"type":"integer"}]}},"$ref":"#/$defs/a"}"##
        #expect(try matches(schema, "12"))
        #expect(try !matches(schema, #""x""#))
        let root = ##"{"anyOf":[{"$ref":"#"},{"type":"string"}]}"##
        #expect(try matches(root, #""x""#))
        #expect(try !matches(root, "1"))
    }
}
