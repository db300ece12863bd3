/// One `patternProperties` entry, with what the converter needs to know about its regex:
/// which names it matches (to give declared members every schema that applies to them) and
/// whether it matches every name (then no member is an additional one).
struct PropertyPattern {
    let pattern: String
    let schema: JSONValue
    let path: String
    /// Nil when the regex is outside the supported subset (reported where it is compiled).
    private let recognizer: Recognizer?
    let matchesEveryName: Bool

    init(pattern: String, schema: JSONValue, path: String) {
        self.pattern = pattern
        self.schema = schema
        self.path = path
        let parsed = try? RegexParser.parse(pattern, source: path)
        let definition = parsed.map { GrammarDefinition(rules: [("root", $0.expression(search: true, filler: .all))]) }
        recognizer = definition.flatMap { try? Recognizer(Grammar($0, source: path)) }
        // A search finds an empty match at an unanchored end when some alternative can be empty.
        matchesEveryName = parsed?.alternatives.contains { alternative in
            !(alternative.anchoredStart && alternative.anchoredEnd)
                && ((try? Recognizer(Grammar(GrammarDefinition(rules: [("root", alternative.expression)]), source: path)))?.matches([]) ?? false)
        } ?? false
    }

    static func all(in schema: JSONValue, at path: String) -> [PropertyPattern] {
        (schema["patternProperties"]?.members ?? []).map {
            PropertyPattern(pattern: $0.key, schema: $0.value, path: "\(path)/patternProperties/\($0.key)")
        }
    }

    func matches(_ name: String) -> Bool {
        recognizer?.matches(Array(name.utf8)) ?? false
    }
}
