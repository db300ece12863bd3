extension Grammar {
    /// Compiles a regular expression (the subset `RegexParser` documents) that the whole
    /// output must match; `^` and `$` are accepted and implied.
    public init(regex pattern: String, source: String = "regex") throws(GrammarError) {
        let parsed = try RegexParser.parse(pattern, source: source)
        let definition = GrammarDefinition(rules: [("root", parsed.expression(search: false, filler: .all))])
        try self.init(definition, source: source)
    }
}
