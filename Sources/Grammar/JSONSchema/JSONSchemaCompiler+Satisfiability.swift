extension JSONSchemaCompiler {
    /// Notes a schema whose own keywords contradict each other for every type it allows (say
    /// minimum 5 with maximum 1 for integers): its grammar would match nothing, which is almost
    /// surely a mistake in the schema. Only written schemas are checked: an `anyOf` branch
    /// merged with contradicting sibling keywords is a legitimate dead branch.
    mutating func checkSatisfiable(_ schema: JSONValue, at path: String) throws(GrammarError) {
        guard case .object = schema else { return }
        let types = try typeSet(schema, at: path)
        var reasons: [String]
        if let values = schema["enum"]?.elements ?? schema["const"].map({ [$0] }) {
            reasons = values.isEmpty ? ["enum is empty"]
                : Self.allowedValues(values, types: types).isEmpty ? ["no enum or const value has an allowed type"]
                : allowedValues(values, in: schema, types: types, at: path).isEmpty ? ["no enum or const value satisfies the other keywords"] : []
        } else {
            reasons = types.isEmpty ? ["no type is allowed"] : []
            for type in types {
                guard let reason = contradiction(for: type, in: schema, at: path) else { return }
                reasons.append(reason)
            }
        }
        let contradiction = "the schema at \(path) can never be satisfied: \(reasons.joined(separator: "; "))"
        if !reasons.isEmpty, !contradictions.contains(contradiction) { contradictions.append(contradiction) }
    }

    /// The enum values of the allowed types (integers count as numbers).
    static func allowedValues(_ values: [JSONValue], types: [String]) -> [JSONValue] {
        values.filter { types.contains($0.typeName) || ($0.typeName == "integer" && types.contains("number")) }
    }

    /// Why no instance of `type` satisfies the schema, or nil.
    private func contradiction(for type: String, in schema: JSONValue, at path: String) -> String? {
        switch type {
        case "integer":
            let (low, high) = Self.integerBounds(schema)
            guard let low, let high, low > high else { return nil }
            return "no integer lies within \(Self.boundsText(schema))"
        case "number":
            let (low, high) = Self.numberBounds(schema)
            guard let low, let high, low.value > high.value || (low.value == high.value && (low.strict || high.strict)) else { return nil }
            return "no number lies within \(Self.boundsText(schema))"
        case "string": return crossedCounts("minLength", "maxLength", in: schema)
        case "array": return crossedCounts("minItems", "maxItems", in: schema)
        case "object":
            let patterns = PropertyPattern.all(in: schema, at: path)
            for name in (schema["required"]?.elements ?? []).compactMap(\.stringValue) {
                if let forbidding = memberSchemas(name, in: schema, patterns: patterns, at: path).first(where: { $0.schema == .bool(false) }) {
                    return "required property '\(name)' is forbidden by the schema false at \(forbidding.path)"
                }
            }
            return crossedCounts("minProperties", "maxProperties", in: schema)
        default: return nil
        }
    }

    private func crossedCounts(_ least: String, _ most: String, in schema: JSONValue) -> String? {
        guard let low = count(least, in: schema), let high = count(most, in: schema), low > high else { return nil }
        return "\(least) \(low) is above \(most) \(high)"
    }

    private static func boundsText(_ schema: JSONValue) -> String {
        ["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"]
            .compactMap { keyword in schema[keyword].map { "\(keyword) \($0.compactText)" } }
            .joined(separator: ", ")
    }
}
