import Foundation

/// Builds the rules for a schema's instances: one rule per subschema and per `$ref` target (so
/// recursive schemas work), common rules for any JSON value, strings and numbers.
///
/// Approximations, by design: object members come in the schema's property order (then any
/// additional or pattern members); declared names take their canonical spelling, and additional
/// members none of their spellings; `oneOf` is treated as `anyOf` (a warning when its branches
/// can overlap); `allOf` is merged keyword by keyword; `format` is enforced.
struct JSONSchemaCompiler {
    let document: JSONValue
    let options: JSONSchemaOptions
    let source: String
    var problems: [String] = []
    /// Schemas written so that nothing satisfies them (see `JSONSchemaConversion.unsatisfiable`).
    var contradictions: [String] = []
    /// Where the grammar allows more than the schema (an `oneOf` whose branches overlap).
    var approximations: [String] = []
    var rules: [(name: String, body: GrammarExpression)] = []
    private var ruleForReference: [String: String] = [:]
    private var ruleForSubschema: [String: String] = [:]
    var definedCommonRules: Set<String> = []
    private var ruleCount = 0
    private var mergeDepth = 0
    let isDraft7: Bool

    static let allTypes = ["null", "boolean", "object", "array", "string", "number"]

    init(document: JSONValue, options: JSONSchemaOptions, source: String) {
        self.document = document
        self.options = options
        self.source = source
        isDraft7 = document["$schema"]?.stringValue?.contains("draft-07") ?? false
    }

    mutating func compile() throws(GrammarError) -> GrammarDefinition {
        try checkWritten(document, at: "#")
        let body = try schema(document, at: "#")
        // The value itself, without leading or trailing whitespace: the output is the instance.
        return GrammarDefinition(rules: [("root", body)] + rules, textNoun: "JSON value")
    }

    mutating func report(_ problem: String) {
        if !problems.contains(problem) { problems.append(problem) }
    }

    func failure(_ problem: String) -> GrammarError {
        GrammarError(source: source, problem: problem)
    }

    // MARK: Schemas

    mutating func schema(_ value: JSONValue, at path: String) throws(GrammarError) -> GrammarExpression {
        switch value {
        case .bool(true): return common("json-value")
        case .bool(false): return .choice([])
        case .object: break
        default: throw failure("the schema at \(path) is not an object or a boolean")
        }
        // Also here, not only in `checkWritten`: references may point outside the schema tree.
        try checkKeywordValues(value, at: path)
        let members = value.members ?? []
        for (key, _) in members where JSONSchemaKeywords.unsupported.contains(key) {
            report("\(key) at \(path)")
        }
        if let reference = value["$ref"] {
            guard let target = reference.stringValue else { throw failure("$ref at \(path) is not a string") }
            let siblings = members.filter { JSONSchemaKeywords.supported.contains($0.key) && !["$ref", "$defs", "definitions"].contains($0.key) }
            if siblings.isEmpty || isDraft7 { return try self.reference(target, at: path) }
            guard let resolved = try resolve(target, at: path) else { return common("json-value") }
            return try merged(resolved, .object(siblings), at: path)
        }
        if let parts = value["allOf"] {
            guard let parts = parts.elements else { throw failure("allOf at \(path) is not an array") }
            var combined = JSONValue.object(members.filter { $0.key != "allOf" })
            for (index, part) in parts.enumerated() {
                guard let inlined = try inline(part, at: "\(path)/allOf/\(index)") else { return .choice([]) }
                combined = merge(combined, inlined, at: path)
            }
            return try nested(combined, at: path)
        }
        for keyword in ["anyOf", "oneOf"] {
            guard let alternatives = value[keyword] else { continue }
            guard let alternatives = alternatives.elements else { throw failure("\(keyword) at \(path) is not an array") }
            let rest = JSONValue.object(members.filter { $0.key != keyword })
            var options: [GrammarExpression] = []
            var branches: [JSONValue] = []
            for (index, alternative) in alternatives.enumerated() {
                if keyword == "anyOf", isSelfReference(alternative, in: value) { continue }
                guard let inlined = try inline(alternative, at: "\(path)/\(keyword)/\(index)") else { continue }
                options.append(try merged(rest, inlined, at: "\(path)/\(keyword)/\(index)"))
                branches.append(inlined)
            }
            if keyword == "oneOf", let overlap = try overlappingBranches(branches, at: path) {
                approximations.append("oneOf at \(path) is read as anyOf: \(overlap), and a value matching both is not excluded")
            }
            return .choice(options)
        }
        let types = try typeSet(value, at: path)
        if let values = value["enum"]?.elements ?? value["const"].map({ [$0] }) {
            return .choice(allowedValues(values, in: value, types: types, at: path).map(Self.valueSpellings(of:)))
        }
        var options: [GrammarExpression] = []
        for type in types {
            switch type {
            case "null": options.append(.literal("null"))
            case "boolean": options.append(.choice([.literal("true"), .literal("false")]))
            case "integer": options.append(integer(value, at: path))
            case "number": options.append(number(value, at: path))
            case "string": options.append(string(value, at: path))
            case "array": options.append(try array(value, at: path))
            case "object": options.append(try object(value, at: path))
            default: throw failure("unknown type '\(type)' at \(path)")
            }
        }
        return options.count == 1 ? options[0] : .choice(options)
    }

    /// A subschema as its own rule, so a schema used in several places is lowered once.
    mutating func subschema(_ value: JSONValue, at path: String) throws(GrammarError) -> GrammarExpression {
        if value == .bool(true) { return common("json-value") }
        // Equal subschemas share one rule: merging `anyOf`/`allOf` branches copies siblings
        // into every branch, and without sharing big schemas grow many-fold.
        let key = value.compactText
        if let name = ruleForSubschema[key] { return .rule(name) }
        let name = newRuleName(at: path)
        ruleForSubschema[key] = name
        rules.append((name, .empty))
        let index = rules.count - 1
        rules[index].body = try schema(value, at: path)
        return .rule(name)
    }

    private mutating func merged(_ a: JSONValue, _ b: JSONValue, at path: String) throws(GrammarError) -> GrammarExpression {
        try nested(merge(a, b, at: path), at: path)
    }

    /// Guards against schemas whose merges never bottom out (e.g. allOf of a self reference).
    private mutating func nested(_ value: JSONValue, at path: String) throws(GrammarError) -> GrammarExpression {
        mergeDepth += 1
        defer { mergeDepth -= 1 }
        guard mergeDepth < 32 else { throw failure("schema at \(path) combines itself without end") }
        return try schema(value, at: path)
    }

    func typeSet(_ value: JSONValue, at path: String) throws(GrammarError) -> [String] {
        var types: [String]
        switch value["type"] {
        case nil: types = Self.allTypes
        case .string(let name)?: types = [name]
        case .array(let names)?: types = names.compactMap(\.stringValue)
        default: throw failure("type at \(path) is neither a string nor an array")
        }
        if types.contains("number") { types.removeAll { $0 == "integer" } }
        return types
    }

    // MARK: References

    private mutating func reference(_ target: String, at path: String) throws(GrammarError) -> GrammarExpression {
        if let name = ruleForReference[target] { return .rule(name) }
        guard let resolved = try resolve(target, at: path) else { return common("json-value") }
        let name = newRuleName(at: target)
        ruleForReference[target] = name
        rules.append((name, .empty))
        let index = rules.count - 1
        rules[index].body = try schema(resolved, at: target)
        return .rule(name)
    }

    /// The schema a local JSON pointer names; nil (and a reported problem) for other references.
    mutating func resolve(_ target: String, at path: String) throws(GrammarError) -> JSONValue? {
        guard target == "#" || target.hasPrefix("#/") else {
            report("$ref '\(target)' at \(path) (only local JSON pointers are supported)")
            return nil
        }
        var current = document
        for rawToken in target.dropFirst(2).split(separator: "/", omittingEmptySubsequences: false) where target != "#" {
            let token = (String(rawToken).removingPercentEncodingIfPossible)
                .replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let member = current[token] {
                current = member
            } else if let index = Int(token), let elements = current.elements, elements.indices.contains(index) {
                current = elements[index]
            } else {
                throw failure("$ref '\(target)' at \(path) does not resolve")
            }
        }
        return current
    }

    /// A schema ready to merge: references resolved, `true` as `{}`; nil for `false`.
    mutating func inline(_ value: JSONValue, at path: String) throws(GrammarError) -> JSONValue? {
        switch value {
        case .bool(true): return .object([])
        case .bool(false): return nil
        case .object: try checkKeywordValues(value, at: path)
        default: throw failure("the schema at \(path) is not an object or a boolean")
        }
        guard let target = value["$ref"]?.stringValue else { return value }
        mergeDepth += 1
        defer { mergeDepth -= 1 }
        // The path has grown by one step per round of the loop: name the reference instead.
        guard mergeDepth < 32 else {
            throw failure("$ref '\(target)' leads back to itself without end (through $ref, allOf, anyOf or oneOf)")
        }
        let siblings = JSONValue.object((value.members ?? []).filter { $0.key != "$ref" })
        // An unsupported reference (reported) stands for any value: its siblings remain.
        guard let resolved = try resolve(target, at: path) else { return siblings }
        // A reference to `false`.
        guard let inlined = try inline(resolved, at: target) else { return nil }
        return merge(inlined, siblings, at: path)
    }

    // MARK: Rules

    /// A fresh rule name that says where in the schema the rule comes from, so a message
    /// naming rules (a left recursion) points at the schema: "schema-3-defs-node" for
    /// "#/$defs/node". The count keeps names unique whatever the location's words.
    mutating func newRuleName(at path: String) -> String {
        ruleCount += 1
        let words = path.split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return (["schema-\(ruleCount)"] + words.map(String.init)).joined(separator: "-")
    }
}

private extension String {
    var removingPercentEncodingIfPossible: String {
        guard contains("%") else { return self }
        var bytes: [UInt8] = []
        var iterator = utf8.makeIterator()
        while let byte = iterator.next() {
            if byte == UInt8(ascii: "%"), let high = iterator.next(), let low = iterator.next(),
               let value = UInt8(String(decoding: [high, low], as: UTF8.self), radix: 16) {
                bytes.append(value)
            } else {
                bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
