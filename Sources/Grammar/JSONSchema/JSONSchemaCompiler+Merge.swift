extension JSONSchemaCompiler {
    static let takeLargest: Set<String> = ["minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties"]
    static let takeSmallest: Set<String> = ["maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties"]
    static let conjoin: Set<String> = ["items", "additionalProperties", "additionalItems"]

    /// Both schemas at once (the conjunction `allOf` asks for), keyword by keyword; keywords that
    /// cannot be combined are reported and the first one kept.
    mutating func merge(_ a: JSONValue, _ b: JSONValue, at path: String) -> JSONValue {
        var result = a.members ?? []
        for (key, value) in b.members ?? [] {
            guard let index = result.firstIndex(where: { $0.key == key }) else {
                result.append((key, value))
                continue
            }
            let existing = result[index].value
            if existing == value || JSONSchemaKeywords.annotations.contains(key) { continue }
            switch key {
            case "properties":
                var properties = existing.members ?? []
                for (name, schema) in value.members ?? [] {
                    if let at = properties.firstIndex(where: { $0.key == name }) {
                        properties[at].value = .object([("allOf", .array([properties[at].value, schema]))])
                    } else {
                        properties.append((name, schema))
                    }
                }
                result[index].value = .object(properties)
            case "required":
                let names = (existing.elements ?? []) + (value.elements ?? []).filter { !(existing.elements ?? []).contains($0) }
                result[index].value = .array(names)
            case "type":
                let left = Self.typeNames(existing), right = Self.typeNames(value)
                let both = left.filter { right.contains($0) || ($0 == "integer" && right.contains("number")) }
                    + right.filter { $0 == "integer" && left.contains("number") && !left.contains("integer") }
                result[index].value = .array(both.map(JSONValue.string))
            case "enum":
                result[index].value = .array((existing.elements ?? []).filter { (value.elements ?? []).contains($0) })
            case _ where Self.takeLargest.contains(key):
                if let x = existing.numberValue, let y = value.numberValue { result[index].value = .number(max(x, y)) }
            case _ where Self.takeSmallest.contains(key):
                if let x = existing.numberValue, let y = value.numberValue { result[index].value = .number(min(x, y)) }
            case _ where Self.conjoin.contains(key):
                result[index].value = .object([("allOf", .array([existing, value]))])
            default:
                report("allOf combining two different '\(key)' at \(path)")
            }
        }
        return .object(result)
    }

    static func typeNames(_ value: JSONValue) -> [String] {
        switch value {
        case .string(let name): [name]
        case .array(let names): names.compactMap(\.stringValue)
        default: []
        }
    }
}
