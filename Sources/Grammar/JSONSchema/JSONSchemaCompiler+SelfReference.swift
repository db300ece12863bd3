extension JSONSchemaCompiler {
    /// Whether an `anyOf` branch of `schema` is only a `$ref` back to `schema` itself, as in
    /// `{"$defs":{"a":{"anyOf":[{"$ref":"#/$defs/a"},{"type":"integer"}]}}}`. A value matches
    /// such a branch only by matching another one, so it adds nothing and is dropped instead of
    /// being refused as a loop. (`oneOf` is left alone: "exactly one of itself or B" has no
    /// consistent meaning.)
    mutating func isSelfReference(_ branch: JSONValue, in schema: JSONValue) -> Bool {
        guard branch.members?.count == 1, let target = branch["$ref"]?.stringValue,
              target == "#" || target.hasPrefix("#/") else { return false }
        // Compared by value: only the schema exactly as written refers to itself, not one
        // merged with siblings on the way here.
        return (try? resolve(target, at: target)) == schema
    }
}
