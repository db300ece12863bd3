import Testing
@testable import Grammar

/// The documented regex subset, full-match semantics, and the refusals.
struct RegexTests {
    func matches(_ pattern: String, _ text: String) throws -> Bool {
        Recognizer(try Grammar(regex: pattern)).matches(Array(text.utf8))
    }

    @Test(arguments: [
        ("a|bc", ["a", "bc"], ["ab", "", "b"]),
        ("^\\d{3}-\\d{2,4}$", ["123-45", "000-1234"], ["12-34", "123-12345", "abc-12"]),
        ("[A-Za-z_][\\w]*", ["x", "_a1", "Zed_9"], ["1a", "a-b"]),
        ("(ab)+c?", ["ab", "ababc"], ["abc?", "a", "c"]),
        ("[^\\s\"]+", ["é😀", "abc"], ["a b", "\"", ""]),
        ("colou?r", ["color", "colour"], ["colouur"]),
        ("x{2,}", ["xx", "xxxxx"], ["x"]),
        ("a.c", ["abc", "a😀c"], ["a\nc", "ac"]),
        ("\\u00e9\\x41\\u{1F600}", ["éA😀"], ["e"]),
        ("(?:a|b)(?<n>c)", ["ac", "bc"], ["c"]),
        ("a{,2}", ["a{,2}"], ["a"]),
        ("\\uD83D\\uDE00+", ["😀", "😀😀"], ["", "x"]),
        ("[\\ud83d\\ude00-\\ud83d\\ude4f]", ["😀", "🙏"], ["🚀", "x"]),
        ("a\\cJb\\cib", ["a\nb\tb"], ["acJb"]),
        ("^^a$$", ["a"], ["^a", "a$"]),
        ("^^a|b$$", ["a", "b"], ["ab"]),
        ("[a\\-z]+", ["a-z", "-"], ["b"]),
        ("\\.\\*\\+\\(\\)", [".*+()"], ["a"]),
        ("a*?b+?", ["b", "aab"], ["a"]),
        // Repeated items that can match nothing (they used to be refused as left recursion).
        ("(a?)+", ["", "a", "aaa"], ["b"]),
        ("(a|b*)*", ["", "a", "abba", "bbb"], ["c", "ac"]),
        ("(x?y?)*z", ["z", "xyz", "yxz", "xxyyz"], ["zz", "xy"]),
        ("(a*b*){2,}c", ["c", "abc", "bac", "aabbabc"], ["ca", "ab"]),
        // 200 nested starred groups are one a*: the recognizer does not try every way to
        // split the text between them (this took minutes).
        (String(repeating: "(", count: 200) + "a" + String(repeating: ")*", count: 200), ["", "aaa", String(repeating: "a", count: 50)], ["b"]),
    ] as [(String, [String], [String])])
    func acceptsAndRejects(_ pattern: String, _ accepted: [String], _ rejected: [String]) throws {
        for text in accepted { #expect(try matches(pattern, text), "\(pattern) should match \(text.debugDescription)") }
        for text in rejected { #expect(try !matches(pattern, text), "\(pattern) should not match \(text.debugDescription)") }
    }

    @Test(arguments: [
        ("a(?=b)", "lookaround"), ("(?<!a)b", "lookaround"), ("(a)\\1", "backreferences"),
        ("\\bword", "word boundaries"), ("\\p{L}", "Unicode property"), ("a++", "possessive"),
        ("a^b", "anchors"), ("a$b", "anchors"), ("(ab", "missing ')'"), ("ab)", "unbalanced"),
        ("*a", "nothing to repeat"), ("[abc", "unterminated"), ("a{3,1}", "out of order"),
        (String(repeating: "(", count: 20_000) + "a" + String(repeating: ")", count: 20_000), "nested more than 1000 deep"),
        ("[[:alpha:]]", "POSIX class [:alpha:] is not ECMAScript; use [A-Za-z]"), ("x[^[:digit:]]", "POSIX class [:digit:]"),
        ("\\uD83Dx", "lone surrogate \\uD83D"), ("\\uDE00", "lone surrogate"), ("\\c1", "\\c must be followed by a letter"),
        ("a**", "cannot follow another"), ("a+{2}", "cannot follow another"), ("a" + String(repeating: "*", count: 20_000), "cannot follow another"),
    ])
    func refusesWithAClearError(_ pattern: String, _ problem: String) {
        do {
            _ = try Grammar(regex: pattern)
            Issue.record("\(pattern) should be refused")
        } catch {
            #expect(error.problem.contains(problem), "\(pattern): \(error)")
            #expect(error.column != nil)
        }
    }
}
