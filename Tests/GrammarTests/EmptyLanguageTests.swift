import Testing
@testable import Grammar

/// Grammars that match no text compile (checking texts against them rejects every one), and
/// say why nothing matches: the constrained strategies refuse them with that reason.
struct EmptyLanguageTests {
    @Test(arguments: [
        ("root ::= \"a\" root\n", "no text can match: no alternative of 'root' can finish"),
        ("root ::= x | \"b\" y\nx ::= \"x\" x\ny ::= z \"q\"\nz ::= \"z\" y\n",
         "no text can match: no alternative of 'root' can finish (nor can 'x', 'y', 'z')"),
        ("root ::= []\n", "no text can match: no alternative of 'root' can finish (nor can '[0 character ranges]')"),
    ])
    func gbnfRulesThatNeverFinishAreNamed(_ gbnf: String, _ reason: String) throws {
        let grammar = try Grammar(gbnf: gbnf)
        #expect(grammar.nothingMatches == reason)
        let recognizer = Recognizer(grammar)
        #expect(!recognizer.isComplete(recognizer.initialState))
    }

    @Test(arguments: ["false", #"{"type":"array","items":false,"minItems":1}"#])
    func schemasNoValueSatisfiesSaySo(_ schema: String) throws {
        let reason = try #require(try Grammar(jsonSchema: schema, options: JSONSchemaOptions(lenient: true)).nothingMatches)
        #expect(reason.hasPrefix("no JSON value can match: no alternative of 'root' can finish"), "\(reason)")
    }

    @Test(arguments: [
        "root ::= \"a\" root | \"b\"\n", "root ::= x*\nx ::= \"a\"\n", "root ::= \"\"\n",
    ])
    func grammarsWithSomeTextHaveNoReason(_ gbnf: String) throws {
        #expect(try Grammar(gbnf: gbnf).nothingMatches == nil)
    }

    @Test(arguments: [#"{"type":"array","items":false}"#, #"{"anyOf":[false,{"type":"integer"}]}"#, "true"])
    func schemasWithSomeValueHaveNoReason(_ schema: String) throws {
        #expect(try Grammar(jsonSchema: schema).nothingMatches == nil)
    }
}
