extension JSONSchemaCompiler {
    /// The `enum`/`const` values of an allowed type that the schema's other keywords allow too:
    /// `{"enum":[1,2,3],"minimum":2}` allows 2 and 3, `{"enum":["a","bbbb"],"maxLength":2}`
    /// only "a". Strings and numbers are matched against the grammar those keywords compile to,
    /// arrays and objects checked for their counts and required names. A keyword the grammar
    /// cannot enforce (reported elsewhere if it matters) leaves the value in.
    mutating func allowedValues(_ values: [JSONValue], in schema: JSONValue, types: [String], at path: String) -> [JSONValue] {
        var matchers: [String: Recognizer?] = [:]
        return Self.allowedValues(values, types: types).filter { value in
            switch value {
            case .string, .number:
                let kind = value.typeName == "integer" && !types.contains("number") ? "integer" : value.typeName
                if matchers[kind] == nil { matchers[kind] = scalarMatcher(kind, for: schema, at: path) }
                guard let matcher = matchers[kind] ?? nil else { return true }
                return matcher.matches(value.compactText.utf8)
            case .array(let items):
                return fits(items.count, "minItems", "maxItems", in: schema)
            case .object(let members):
                let required = (schema["required"]?.elements ?? []).compactMap(\.stringValue)
                return required.allSatisfy { name in members.contains { $0.key == name } }
                    && fits(members.count, "minProperties", "maxProperties", in: schema)
            default:
                return true
            }
        }
    }

    /// A recognizer for the strings, integers or numbers (`kind`) the schema's keywords allow,
    /// or nil when it has none of them or one the grammar cannot enforce. The compiler's rules
    /// and problems are left as they were.
    private mutating func scalarMatcher(_ kind: String, for schema: JSONValue, at path: String) -> Recognizer? {
        let keywords = kind == "string" ? ["minLength", "maxLength", "pattern", "format"]
            : ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"]
        guard keywords.contains(where: { schema[$0] != nil }) else { return nil }
        let saved = (rules, definedCommonRules, problems)
        defer { (rules, definedCommonRules, problems) = saved }
        let expression = switch kind {
        case "string": string(schema, at: path)
        case "integer": integer(schema, at: path)
        default: number(schema, at: path)
        }
        guard problems.count == saved.2.count,
              let grammar = try? Grammar(GrammarDefinition(rules: [("root", expression)] + rules), source: source) else { return nil }
        return Recognizer(grammar)
    }

    /// An `enum`/`const` value as text; a top-level number also in its other plain decimal
    /// spellings (`1.0` and `-0` are the numbers 1 and 0). Exponent forms, and numbers inside
    /// arrays or objects, keep the one spelling.
    static func valueSpellings(of value: JSONValue) -> GrammarExpression {
        let text = value.compactText
        guard case .number = value, !text.contains(where: { $0 == "e" || $0 == "E" }) else { return .literal(text) }
        if text.contains(".") { return .sequence([.literal(text), .repeated(.literal("0"), min: 0, max: nil)]) }
        let digits: GrammarExpression = text == "0" ? .choice([.literal("0"), .literal("-0")]) : .literal(text)
        return .sequence([digits, .optional(DecimalRange.zeroFraction)])
    }

    private func fits(_ n: Int, _ least: String, _ most: String, in schema: JSONValue) -> Bool {
        (count(least, in: schema).map { n >= $0 } ?? true) && (count(most, in: schema).map { n <= $0 } ?? true)
    }
}
