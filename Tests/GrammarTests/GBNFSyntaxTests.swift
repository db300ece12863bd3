import Testing
@testable import Grammar

/// The GBNF syntax corners and the errors, each with its line and column.
struct GBNFSyntaxTests {
    func recognizer(_ gbnf: String) throws -> Recognizer {
        Recognizer(try Grammar(gbnf: gbnf))
    }

    /// A rule defined twice keeps its later definition, as in llama.cpp, and the document
    /// warns about it with both lines.
    @Test func aRuleDefinedTwiceKeepsItsLaterDefinitionWithAWarning() throws {
        let document = try GBNFDocument(parsing: "root ::= a\na ::= \"x\"\n# again:\na ::= \"y\"\n")
        #expect(document.warnings == ["rule 'a' is defined on line 2 and again on line 4; the later definition is used"])
        let r = Recognizer(try Grammar(document.definition, source: "grammar"))
        #expect(r.matches(Array("y".utf8)) && !r.matches(Array("x".utf8)))
        #expect(try GBNFDocument(parsing: "root ::= a\na ::= \"x\"\n").warnings.isEmpty)
    }

    @Test func repetitionBounds() throws {
        let r = try recognizer(#"root ::= "a"{2,4} "b"{3} "c"{1,} "d"{,2}"#.replacingOccurrences(of: "{,2}", with: "{0,2}"))
        #expect(r.matches(Array("aabbbc".utf8)))
        #expect(r.matches(Array("aaaabbbcccdd".utf8)))
        #expect(!r.matches(Array("abbbc".utf8)))
        #expect(!r.matches(Array("aaaaabbbc".utf8)))
        #expect(!r.matches(Array("aabbc".utf8)))
        #expect(!r.matches(Array("aabbbcddd".utf8)))
    }

    @Test func escapesAndClasses() throws {
        let r = try recognizer(#"root ::= "\x41\u00e9\U0001F600\t\"\\" [^a-c\n] [\[\]] ."#)
        #expect(r.matches(Array("Aé😀\t\"\\d]ü".utf8)))
        #expect(r.matches(Array("Aé😀\t\"\\é[z".utf8)))
        #expect(!r.matches(Array("Aé😀\t\"\\b]z".utf8)))
        #expect(!r.matches(Array("Aé😀\t\"\\\n]z".utf8)))
    }

    @Test func negatedClassAcceptsMultiByteCharactersBytewise() throws {
        let r = try recognizer(#"root ::= [^x]"#)
        let state = try #require(r.advance(r.initialState, byte: 0xE4))
        #expect(!r.isComplete(state))
        #expect(r.advance(state, byte: 0x41) == nil)
        #expect(r.matches([0xE4, 0xB8, 0x80]))
        #expect(!r.matches([0xED, 0xA0, 0x80]), "surrogates are not characters")
        #expect(!r.matches([0xC0, 0x80]), "overlong encodings are not UTF-8")
    }

    @Test func commentsNewlinesAndGroups() throws {
        let r = try recognizer("""
        # a comment line
        root ::= (
            "a" # inside a group newlines are fine
            | "b"
          )+ tail
        tail ::= "!" |
          "?"   # after | the rule continues
        """)
        #expect(r.matches(Array("abba!".utf8)))
        #expect(r.matches(Array("b?".utf8)))
        #expect(!r.matches(Array("!".utf8)))
    }

    @Test func lastDefinitionWinsLikeLlamaCpp() throws {
        let r = try recognizer("root ::= x\nx ::= \"1\"\nx ::= \"2\"\n")
        #expect(r.matches(Array("2".utf8)))
        #expect(!r.matches(Array("1".utf8)))
    }

    @Test(arguments: [
        ("root ::= foo\n", 1, 10, "undefined rule 'foo'"),
        ("root ::= \"a\"\nx ::= [ab", 2, 7, "unexpected end of input"),
        ("root := \"a\"\n", 1, 6, "expecting ::="),
        ("root ::= \"a\" )\n", 1, 14, "expecting newline or end"),
        ("root ::= ( \"a\" \n", 2, 1, "expecting ')'"),
        ("root ::= \"\\q\"\n", 1, 11, "unknown escape"),
        ("root ::= * \"a\"\n", 1, 10, "expecting preceding item"),
        ("root ::= \"a\"{3,1}\n", 1, 17, "below minimum"),
        ("root ::= <think>\n", 1, 10, "token references"),
    ] as [(String, Int, Int, String)])
    func errorsNameLineAndColumn(_ text: String, _ line: Int, _ column: Int, _ problem: String) {
        do {
            _ = try Grammar(gbnf: text, source: "t.gbnf")
            Issue.record("\(text.debugDescription) should not parse")
        } catch {
            #expect(error.source == "t.gbnf")
            #expect(error.line == line && error.column == column, "\(error)")
            #expect(error.problem.contains(problem), "\(error)")
        }
    }

    /// 20,000 nested groups used to overflow the stack and crash the process.
    @Test func deepNestingIsAnErrorNotACrash() throws {
        let fine = "root ::= " + String(repeating: "(", count: 1000) + "\"a\"" + String(repeating: ")", count: 1000) + "\n"
        #expect(Recognizer(try Grammar(gbnf: fine)).matches(Array("a".utf8)))
        do {
            _ = try Grammar(gbnf: "root ::= " + String(repeating: "(", count: 20_000) + "\"a\"" + String(repeating: ")", count: 20_000) + "\n", source: "t.gbnf")
            Issue.record("20,000 nested groups should be refused")
        } catch {
            #expect(error.problem.contains("nested more than 1000 deep") && error.column == 1010, "\(error)")
        }
        #expect(Recognizer(try Grammar(gbnf: "root ::= \"a\"** \"b\"\n")).matches(Array("aab".utf8)), "stacked quantifiers, as llama.cpp allows")
        let starred = "root ::= " + String(repeating: "(", count: 200) + "\"a\"" + String(repeating: ")*", count: 200) + "\n"
        #expect(Recognizer(try Grammar(gbnf: starred)).matches(Array(String(repeating: "a", count: 40).utf8)), "200 nested starred groups, matched at once")
        do {
            _ = try Grammar(gbnf: "root ::= \"a\"" + String(repeating: "*", count: 20_000) + "\n")
            Issue.record("20,000 stacked quantifiers should be refused")
        } catch {
            #expect(error.problem.contains("stacked more than 1000 deep"), "\(error)")
        }
    }

    /// A repeated group that can match nothing is the same language as repeating its
    /// non-empty matches; the recognizer gets the latter.
    @Test func aRepeatedNullableGroupIsAccepted() throws {
        let grammar = Recognizer(try Grammar(gbnf: "root ::= (\"a\"* | \"b\"?)* \"c\"\n"))
        for text in ["c", "ac", "abbac", "bbc"] { #expect(grammar.matches(Array(text.utf8)), "\(text)") }
        for text in ["", "a", "cc"] { #expect(!grammar.matches(Array(text.utf8)), "\(text)") }
    }

    /// The same through named rules: a repeated rule that can match nothing repeats its
    /// non-empty companion (it was refused as "left recursion: root-1 -> root-1").
    @Test(arguments: [
        ("root ::= x*\nx ::= \"a\"?\n", ["", "a", "aaa"], ["b"]),
        ("root ::= (x y)+ \"!\"\nx ::= \"a\"?\ny ::= \"b\"* | z\nz ::= \"c\"?\n", ["!", "ab!", "bbca!", "cc!"], ["", "abd!"]),
    ])
    func aRepeatedNullableRuleIsAccepted(_ gbnf: String, _ accepted: [String], _ rejected: [String]) throws {
        let grammar = Recognizer(try Grammar(gbnf: gbnf))
        for text in accepted { #expect(grammar.matches(Array(text.utf8)), "\(text)") }
        for text in rejected { #expect(!grammar.matches(Array(text.utf8)), "\(text)") }
    }

    @Test func missingRootAndLeftRecursionAreRejected() {
        #expect(throws: GrammarError.self) { try Grammar(gbnf: "start ::= \"a\"\n") }
        do {
            _ = try Grammar(gbnf: "root ::= expr\nexpr ::= expr \"+\" \"1\" | \"1\"\n")
            Issue.record("left recursion should be rejected")
        } catch {
            #expect(error.problem.contains("left recursion"), "\(error)")
        }
    }

    /// A byte-order mark some editors write first is not part of a grammar or a schema.
    @Test func aLeadingByteOrderMarkIsSkipped() throws {
        #expect(Recognizer(try Grammar(gbnf: "\u{FEFF}root ::= \"a\"\n")).matches(Array("a".utf8)))
        #expect(Recognizer(try Grammar(jsonSchema: "\u{FEFF}{\"type\":\"integer\"}")).matches(Array("12".utf8)))
        do {
            _ = try Grammar(gbnf: "\u{FEFF}root ::= x\n")
            Issue.record("an undefined rule compiled")
        } catch {
            #expect(error.line == 1 && error.column == 10, "columns count from after the mark: \(error)")
        }
    }
}
