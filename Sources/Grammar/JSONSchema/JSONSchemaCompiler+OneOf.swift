extension JSONSchemaCompiler {
    /// Two `oneOf` branches a value might satisfy together, as "branches 0 and 2 both allow
    /// integers", or nil when every pair is kept apart by its types or by disjoint enum/const
    /// values (the usual tagged unions), so reading `oneOf` as `anyOf` changes nothing.
    func overlappingBranches(_ branches: [JSONValue], at path: String) throws(GrammarError) -> String? {
        var kinds: [(types: Set<String>, values: Set<String>?)] = []
        for branch in branches {
            if let values = branch["enum"]?.elements ?? branch["const"].map({ [$0] }) {
                kinds.append((Set(values.map(\.typeName)), Set(values.map(\.compactText))))
            } else {
                let types = Set(try typeSet(branch, at: path))
                // Integers are numbers: a branch of numbers overlaps one of integers.
                kinds.append((types.contains("number") ? types.union(["integer"]) : types, nil))
            }
        }
        for (i, a) in kinds.enumerated() {
            for (j, b) in kinds.enumerated() where j > i {
                let shared = a.types.intersection(b.types)
                guard let type = shared.sorted().first else { continue }
                if let x = a.values, let y = b.values, x.isDisjoint(with: y) { continue }
                return "branches \(i) and \(j) both allow \(type == "boolean" || type == "null" ? type : type + "s")"
            }
        }
        return nil
    }
}
