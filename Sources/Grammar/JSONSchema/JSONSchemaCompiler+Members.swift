extension JSONSchemaCompiler {
    /// The schemas a member named `name` must satisfy, each with its location: its declared
    /// schema and those of every pattern it matches, or else `additionalProperties`.
    func memberSchemas(_ name: String, in schema: JSONValue, patterns: [PropertyPattern], at path: String) -> [(schema: JSONValue, path: String)] {
        var parts: [(schema: JSONValue, path: String)] = []
        if let declared = schema["properties"]?[name] { parts.append((declared, "\(path)/properties/\(name)")) }
        parts += patterns.filter { $0.matches(name) }.map { ($0.schema, $0.path) }
        return parts.isEmpty ? [(schema["additionalProperties"] ?? .bool(true), "\(path)/additionalProperties")] : parts
    }

    /// The value of a declared member: one rule for the conjunction of its schemas.
    mutating func memberValue(_ name: String, in schema: JSONValue, patterns: [PropertyPattern], at path: String) throws(GrammarError) -> GrammarExpression {
        let parts = memberSchemas(name, in: schema, patterns: patterns, at: path)
        if parts.count == 1 { return try subschema(parts[0].schema, at: parts[0].path) }
        var combined = JSONValue.object([])
        for part in parts {
            guard let inlined = try inline(part.schema, at: part.path) else { return .choice([]) }
            combined = merge(combined, inlined, at: "\(path)/properties/\(name)")
        }
        return try subschema(combined, at: "\(path)/properties/\(name)")
    }

    /// The patterns whose members are keyed by their regex. A pattern matching every name takes
    /// all members that are not declared (no member is then additional), so patterns with the
    /// same schema add nothing.
    func keyedPatterns(_ patterns: [PropertyPattern]) -> [PropertyPattern] {
        guard let everyName = patterns.first(where: \.matchesEveryName) else { return patterns }
        return patterns.filter { $0.schema != everyName.schema }
    }

    /// Additional and pattern members are alternatives in the grammar, but a member matching
    /// several patterns (or a pattern and `additionalProperties`) must satisfy all their schemas,
    /// and a pattern member must not reuse a declared name: exact only when the schemas agree
    /// or accept anything, and when no declared name matches a keyed pattern.
    mutating func reportInexactPatterns(_ patterns: [PropertyPattern], additional: JSONValue, declared names: [String], at path: String) {
        guard !patterns.isEmpty else { return }
        let acceptAnything = patterns.allSatisfy { $0.schema == .bool(true) || $0.schema == .object([]) }
        let additionalApplies = additional != .bool(false) && !patterns.contains(where: \.matchesEveryName)
        let schemas = patterns.map(\.schema) + (additionalApplies ? [additional] : [])
        if !acceptAnything, schemas.contains(where: { $0 != schemas[0] }) {
            report("patternProperties at \(path) (members matching several patterns, or a pattern and additionalProperties, must satisfy all their schemas)")
        }
        if let name = names.first(where: { name in keyedPatterns(patterns).contains { $0.matches(name) } }) {
            report("patternProperties at \(path) matching the declared property '\(name)'")
        }
    }
}
