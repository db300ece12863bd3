extension JSONSchemaCompiler {
    /// Keywords whose value is a schema, an array of schemas, or an object of schemas: the
    /// places the converter compiles (those under unsupported keywords are ignored).
    static let schemaKeywords = ["additionalProperties", "additionalItems", "items"]
    static let schemaArrayKeywords = ["allOf", "anyOf", "oneOf", "prefixItems", "items"]
    static let schemaMapKeywords = ["properties", "patternProperties", "$defs", "definitions"]

    /// Checks every schema as written, at its own location, before compiling: keyword values,
    /// and contradictions (compiled schemas are often merged or shared between locations).
    mutating func checkWritten(_ schema: JSONValue, at path: String) throws(GrammarError) {
        guard case .object = schema else { return }
        try checkKeywordValues(schema, at: path)
        // Draft 7 ignores a reference's siblings, so they cannot contradict each other.
        if !(isDraft7 && schema["$ref"] != nil) {
            try checkSatisfiable(schema, at: path)
            if let parts = schema["allOf"]?.elements { try checkSatisfiable(allOf: parts, in: schema, at: path) }
        }
        for keyword in Self.schemaKeywords {
            if let child = schema[keyword] { try checkWritten(child, at: "\(path)/\(keyword)") }
        }
        for keyword in Self.schemaArrayKeywords {
            for (index, child) in (schema[keyword]?.elements ?? []).enumerated() { try checkWritten(child, at: "\(path)/\(keyword)/\(index)") }
        }
        for keyword in Self.schemaMapKeywords {
            for (name, child) in schema[keyword]?.members ?? [] { try checkWritten(child, at: "\(path)/\(keyword)/\(name)") }
        }
    }

    /// An `allOf` whose parts contradict each other (say types string and integer), once merged.
    private mutating func checkSatisfiable(allOf parts: [JSONValue], in schema: JSONValue, at path: String) throws(GrammarError) {
        var combined = JSONValue.object((schema.members ?? []).filter { $0.key != "allOf" })
        for (index, part) in parts.enumerated() {
            // A false part is an explicit "nothing", not a contradiction.
            guard let inlined = try inline(part, at: "\(path)/allOf/\(index)") else { return }
            combined = merge(combined, inlined, at: path)
        }
        try checkSatisfiable(combined, at: "\(path) (its allOf parts merged)")
    }
}
